import { Registry } from "prom-client";
import { describe, expect, test } from "vitest";
import { createLiveViewerMetrics, LIVE_VIEWER_WINDOW_MS } from "@/server/metrics/live-viewers";
import { parseMetrics, metricValue } from "../../../support/metrics-text";

async function viewers(registry: Registry): Promise<number> {
  return metricValue(parseMetrics(await registry.metrics()), "stack_console_live_viewers_last_minute");
}

describe("live viewers", () => {
  test("count distinct operators who polled within the window, and forget them after it", async () => {
    let now = 1_000_000;
    const registry = new Registry();
    const live = createLiveViewerMetrics(registry, () => now);
    expect(await viewers(registry)).toBe(0);

    live.polled("ada@example.test");
    live.polled("ada@example.test");
    live.polled("grace@example.test");
    expect(await viewers(registry)).toBe(2);

    now += LIVE_VIEWER_WINDOW_MS - 1;
    live.polled("grace@example.test");
    expect(await viewers(registry)).toBe(2);

    now += 2;
    expect(await viewers(registry)).toBe(1);
    now += LIVE_VIEWER_WINDOW_MS;
    expect(await viewers(registry)).toBe(0);
  });

  test("operator ids are never exported", async () => {
    const registry = new Registry();
    createLiveViewerMetrics(registry, Date.now).polled("ada@example.test");
    expect(await registry.metrics()).not.toContain("ada");
  });
});
