import { afterAll, beforeAll, expect, test } from "vitest";
import { changeSetSchema } from "@/lib/schemas/change-sets";
import { signDelivery } from "@/server/webhooks/verify-delivery";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";
import { openEventStream } from "../../../support/event-stream";

// With a 30 s poll interval, a job scheduled upstream would reach an open stream half a minute later at
// worst; Buildkite's webhook makes the console read at once, so it reaches the stream in moments.

const TOKEN = "whk-stream-5d3a1c7e9b2f4a6c8e0d";
let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { BUILDKITE_WEBHOOK_TOKEN: TOKEN, POLL_INTERVAL_MS: "30000" } });
});
afterAll(() => c.close());

async function deliver(event: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await fetch(`${c.origin}/api/v1/webhooks/buildkite`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-buildkite-event": event,
      "x-buildkite-signature": `timestamp=${timestamp},signature=${signDelivery(TOKEN, timestamp, body)}`,
    },
    body,
  });
  expect(response.status).toBe(202);
}

test("a webhook gets a job scheduled upstream onto the stream at once, though the poll is 30 s", async () => {
  const stream = await openEventStream(`${c.origin}/api/v1/stacks/${c.sim.stackKey}/events`, identityHeaders("viewer"));
  try {
    const hello = await stream.next();
    expect(JSON.parse(hello.data)).toMatchObject({ webhooks: true, pollIntervalMs: 30000 });

    const { ids } = await c.control<{ ids: string[] }>("jobs", { count: 1 });
    // Without a webhook nothing tells the console: no change arrives within the next seconds.
    await expect(stream.next(1_500)).rejects.toThrow(/no event/);

    await deliver("job.scheduled", { event: "job.scheduled", job: { id: ids[0] }, sender: { id: "s", name: "x" } });
    const change = changeSetSchema.parse(JSON.parse((await stream.collect("change", 1, 5_000))[0]!.data));
    expect(change.added.map((job) => job.id)).toEqual(ids);
    expect(change.cause).toBe("webhook");
  } finally {
    stream.close();
  }
});
