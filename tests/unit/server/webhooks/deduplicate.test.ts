import { describe, expect, test } from "vitest";
import { memorySharedState } from "@/server/live/shared-state";
import { claimDelivery, deliveryFingerprint, DUPLICATE_WINDOW_MS } from "@/server/webhooks/deduplicate";

const body = Buffer.from('{"event":"job.scheduled","job":{"id":"a"}}');

describe("claimDelivery with the memory state", () => {
  test("the first delivery is claimed; the same event and body again within 10 minutes is a duplicate", async () => {
    let now = 0;
    const state = memorySharedState(() => now);
    expect(await claimDelivery(state, "job.scheduled", body)).toBe(true);
    now += DUPLICATE_WINDOW_MS - 1;
    expect(await claimDelivery(state, "job.scheduled", body)).toBe(false);
    now += 1;
    expect(await claimDelivery(state, "job.scheduled", body)).toBe(true);
  });

  test("another event with the same body, or the same event with another body, is not a duplicate", async () => {
    const state = memorySharedState(() => 0);
    expect(await claimDelivery(state, "job.scheduled", body)).toBe(true);
    expect(await claimDelivery(state, "job.started", body)).toBe(true);
    expect(await claimDelivery(state, "job.scheduled", Buffer.from(`${body.toString()} `))).toBe(true);
  });

  test("the fingerprint is a sha256 that cannot be shifted between event and body", () => {
    expect(deliveryFingerprint("a", Buffer.from("b"))).toMatch(/^[0-9a-f]{64}$/);
    expect(deliveryFingerprint("a", Buffer.from("b"))).not.toBe(deliveryFingerprint("a\nb", Buffer.from("")));
  });
});
