import { afterAll, beforeAll, expect, test } from "vitest";
import { signDelivery } from "@/server/webhooks/verify-delivery";
import { startConsole, type ApiBody, type TestConsole } from "../../../support/console";

// Without BUILDKITE_WEBHOOK_TOKEN the webhook does not exist: whatever is sent, signed or not, is a 404
// that does nothing, so an unconfigured console cannot be poked into reading Buildkite.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { POLL_INTERVAL_MS: "30000" } });
});
afterAll(() => c.close());

test.each([
  ["unsigned", {}],
  ["with a token", { "x-buildkite-token": "any-token" }],
  [
    "signed",
    {
      "x-buildkite-signature": `timestamp=${Math.floor(Date.now() / 1000)},signature=${signDelivery("any-token", Math.floor(Date.now() / 1000), '{"event":"job.scheduled"}')}`,
    },
  ],
])("a delivery %s: 404 not_found, and nothing read", async (_, headers) => {
  const before = await c.upstreamTotal();
  const response = await fetch(`${c.origin}/api/v1/webhooks/buildkite`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-buildkite-event": "job.scheduled", ...headers },
    body: '{"event":"job.scheduled"}',
  });
  const body = (await response.json()) as ApiBody;
  expect(response.status).toBe(404);
  expect(body).toMatchObject({
    ok: false,
    apiVersion: "v1",
    command: "webhooks.buildkite",
    error: { type: "not_found", code: "webhooks_not_configured", message: "Webhooks are not configured." },
  });
  expect(body.error?.requestId).toBe(response.headers.get("x-request-id"));
  expect(await c.upstreamTotal()).toBe(before);
});
