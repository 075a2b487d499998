import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { agentEvents } from "@/server/webhooks/agent-events";
import { signDelivery } from "@/server/webhooks/verify-delivery";
import { startConsole, type ApiBody, type TestConsole } from "../../../support/console";
import { metricValue, parseMetrics } from "../../../support/metrics-text";
import { captureStdout } from "../../../support/secret-scan";

// Buildkite's webhook over real HTTP, with no operator session. The poll interval is 30 s, so a queue read
// within a test is served from the cache unless something drops it: only the webhook can make the console
// read Buildkite again at once, and the simulator's request counts show whether it did.

const TOKEN = "whk-canary-7c1e5a9f3b2d4068aa51";
const METRICS_TOKEN = "metrics-token-0123456789abcdef";
const LIST = "GET /v3/stacks/:key/scheduled-jobs";
const BUILD = "GET /v2/organizations/:org/pipelines/:pipeline/builds/:number";

let c: TestConsole;
let logged: string[] = [];
/** Every response this file received, for the secret scan at the end. */
const seen: string[] = [];
/** Every signature this file sent, none of which may be echoed. */
const signatures: string[] = [];

beforeAll(async () => {
  logged = captureStdout();
  c = await startConsole({
    env: {
      BUILDKITE_WEBHOOK_TOKEN: TOKEN,
      POLL_INTERVAL_MS: "30000",
      METRICS_TOKEN,
      LOG_LEVEL: "debug",
      LOG_HTTP_PAYLOADS: "true",
    },
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await c.close();
});

type Auth =
  { mode: "signature"; timestamp?: number; token?: string } | { mode: "token"; token?: string } | { mode: "none" };

let unique = 0;
/** A payload no earlier test sent: the same event and body twice is a duplicate by design. */
const fresh = (payload: Record<string, unknown>) => ({
  ...payload,
  sender: { id: `s-${(unique += 1)}`, name: "Test" },
});

async function deliver(
  event: string,
  payload: unknown,
  { auth = { mode: "signature" }, headers = {} }: { auth?: Auth; headers?: Record<string, string> } = {},
) {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const credentials: Record<string, string> = {};
  if (auth.mode === "signature") {
    const timestamp = auth.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = signDelivery(auth.token ?? TOKEN, timestamp, body);
    signatures.push(signature);
    credentials["x-buildkite-signature"] = `timestamp=${timestamp},signature=${signature}`;
  } else if (auth.mode === "token") {
    credentials["x-buildkite-token"] = auth.token ?? TOKEN;
  }
  const response = await fetch(`${c.origin}/api/v1/webhooks/buildkite`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-buildkite-event": event, ...credentials, ...headers },
    body,
  });
  const text = await response.text();
  seen.push(`${response.status}\n${JSON.stringify([...response.headers])}\n${text}`);
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as ApiBody };
}

const queuePath = () => `/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?queue=${c.sim.queueKey}&all=1`;
const listedIds = async () => ((await c.api(queuePath())).body.data as { id: string }[]).map((job) => job.id);
const scheduleJob = async () =>
  (await c.control<{ ids: string[] }>("jobs", { count: 1, queueKey: c.sim.queueKey })).ids[0]!;

/** Waits, within a bound, until the console has read the queue from Buildkite more than `before` times. */
const readsPast = (before: number) =>
  expect.poll(() => c.upstreamCalls(LIST), { timeout: 10_000, interval: 20 }).toBeGreaterThan(before);

beforeEach(async () => {
  await c.control("reset", {});
  // Warm the queue's cache: from here on, within 30 s, only a webhook makes the console read it again.
  await listedIds();
});

describe("a verified job or build delivery refreshes at once", () => {
  test("job.scheduled, signed: 202 at once, then the queue is read again and the new job is listed", async () => {
    const jobId = await scheduleJob();
    // Without the webhook the new job stays out of sight for the poll interval.
    expect(await listedIds()).not.toContain(jobId);
    const before = await c.upstreamCalls(LIST);

    const { status, headers, body } = await deliver(
      "job.scheduled",
      fresh({ event: "job.scheduled", job: { id: jobId }, pipeline: { slug: "p" } }),
    );
    expect(status).toBe(202);
    expect(headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(headers.get("cache-control")).toBe("no-store");
    expect(body).toMatchObject({
      ok: true,
      apiVersion: "v1",
      command: "webhooks.buildkite",
      data: { event: "job.scheduled", accepted: true, action: "refresh" },
      error: null,
    });

    await readsPast(before);
    expect(await listedIds()).toContain(jobId);
  });

  test("the same delivery replayed is acknowledged as a duplicate and reads nothing again", async () => {
    const payload = fresh({ event: "job.scheduled", job: { id: "j-replay" } });
    const before = await c.upstreamCalls(LIST);
    expect((await deliver("job.scheduled", payload)).status).toBe(202);
    await readsPast(before);
    const jobId = await scheduleJob();
    const afterFirst = await c.upstreamCalls(LIST);

    const replay = await deliver("job.scheduled", payload);
    expect(replay.status).toBe(202);
    expect(replay.body.data).toEqual({ event: "job.scheduled", duplicate: true });
    // The cache was not dropped again: the job scheduled since is still out of sight, and nothing was read.
    expect(await listedIds()).not.toContain(jobId);
    expect(await c.upstreamCalls(LIST)).toBe(afterFirst);
  });

  test("token mode (X-Buildkite-Token) is accepted and refreshes too", async () => {
    const jobId = await scheduleJob();
    const before = await c.upstreamCalls(LIST);
    const { status, body } = await deliver("job.finished", fresh({ event: "job.finished", job: { id: jobId } }), {
      auth: { mode: "token" },
    });
    expect(status).toBe(202);
    expect(body.data).toMatchObject({ event: "job.finished", accepted: true, action: "refresh" });
    await readsPast(before);
    expect(await listedIds()).toContain(jobId);
  });

  test("a build delivery drops that build's cached REST reads as well", async () => {
    const fixtures = await c.control<{ failedJob: { pipeline: string; buildNumber: number } }>("fixtures");
    const { pipeline, buildNumber } = fixtures.failedJob;
    const buildPath = `/api/v1/pipelines/${pipeline}/builds/${buildNumber}`;
    expect((await c.api(buildPath)).status).toBe(200);
    const cached = await c.upstreamCalls(BUILD);
    expect((await c.api(buildPath)).status).toBe(200);
    expect(await c.upstreamCalls(BUILD)).toBe(cached);

    const before = await c.upstreamCalls(LIST);
    const delivery = fresh({ event: "build.finished", build: { number: buildNumber }, pipeline: { slug: pipeline } });
    expect((await deliver("build.finished", delivery)).status).toBe(202);
    await readsPast(before);
    await expect
      .poll(
        async () => {
          await c.api(buildPath);
          return c.upstreamCalls(BUILD);
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBeGreaterThan(cached);
  });
});

describe("deliveries that change nothing", () => {
  test("ping is acknowledged and reads nothing", async () => {
    const before = await c.upstreamTotal();
    const { status, body } = await deliver("ping", fresh({ event: "ping" }));
    expect(status).toBe(202);
    expect(body.data).toEqual({ event: "ping", accepted: true, action: "none" });
    await listedIds();
    expect(await c.upstreamTotal()).toBe(before);
  });

  test("an unknown event is acknowledged, ignored, and reads nothing", async () => {
    const before = await c.upstreamTotal();
    const { status, body } = await deliver("pipeline.exploded", fresh({ event: "pipeline.exploded" }));
    expect(status).toBe(202);
    expect(body.data).toEqual({ event: "pipeline.exploded", accepted: true, action: "ignored" });
    await listedIds();
    expect(await c.upstreamTotal()).toBe(before);
  });

  test("an agent event is kept for triage with when it came, and reads nothing", async () => {
    const before = await c.upstreamTotal();
    const agent = {
      id: `agent-${(unique += 1)}`,
      name: "linux-1",
      connection_state: "lost",
      meta_data: ["queue=linux"],
    };
    const { status, body } = await deliver("agent.lost", fresh({ event: "agent.lost", agent }));
    expect(status).toBe(202);
    expect(body.data).toEqual({ event: "agent.lost", accepted: true, action: "agent_recorded" });
    expect(agentEvents().recent().at(-1)).toMatchObject({
      event: "agent.lost",
      agent: { id: agent.id, name: "linux-1", connectionState: "lost", metaData: ["queue=linux"] },
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    await listedIds();
    expect(await c.upstreamTotal()).toBe(before);
  });
});

describe("unverified deliveries are refused and change nothing", () => {
  const now = () => Math.floor(Date.now() / 1000);
  test.each([
    ["unsigned", { mode: "none" }, {}, "webhook_missing", /not signed/],
    [
      "signed with another token",
      { mode: "signature", token: "not-the-webhook-token" },
      {},
      "webhook_invalid",
      /invalid/,
    ],
    ["with a wrong token", { mode: "token", token: "not-the-webhook-token" }, {}, "webhook_invalid", /invalid/],
    ["signed 10 minutes ago", { mode: "signature", timestamp: now() - 600 }, {}, "webhook_stale", /5 minutes/],
    ["signed 10 minutes ahead", { mode: "signature", timestamp: now() + 600 }, {}, "webhook_stale", /5 minutes/],
    [
      "with a malformed signature",
      { mode: "none" },
      { "x-buildkite-signature": "sha256=abc" },
      "webhook_malformed",
      /malformed/,
    ],
    [
      "with a forged signature beside the right token",
      { mode: "token" },
      { "x-buildkite-signature": `timestamp=${now()},signature=${"0".repeat(64)}` },
      "webhook_invalid",
      /invalid/,
    ],
  ] as const)("%s: 401, and no read", async (_, auth, headers, code, message) => {
    const jobId = await scheduleJob();
    const before = await c.upstreamTotal();
    const {
      status,
      body,
      headers: answered,
    } = await deliver("job.scheduled", fresh({ event: "job.scheduled", job: { id: jobId } }), { auth, headers });
    expect(status).toBe(401);
    expect(body).toMatchObject({
      ok: false,
      command: "webhooks.buildkite",
      data: null,
      error: { type: "auth_error", code, details: { source: "console" } },
    });
    expect(body.error?.message).toMatch(message);
    expect(body.error?.requestId).toBe(answered.get("x-request-id"));
    // Nothing was dropped: the queue is still served from the cache, without the job scheduled since.
    expect(await listedIds()).not.toContain(jobId);
    expect(await c.upstreamTotal()).toBe(before);
  });

  test("a body changed after signing: 401", async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signDelivery(TOKEN, timestamp, '{"event":"ping"}');
    const { status, body } = await deliver("ping", '{"event":"pinG"}', {
      auth: { mode: "none" },
      headers: { "x-buildkite-signature": `timestamp=${timestamp},signature=${signature}` },
    });
    expect(status).toBe(401);
    expect(body.error?.code).toBe("webhook_invalid");
  });
});

describe("malformed deliveries", () => {
  test("a body over 1 MiB: 413 naming the body, before anything else is checked", async () => {
    const before = await c.upstreamTotal();
    const big = JSON.stringify({ event: "job.scheduled", padding: "x".repeat(1024 * 1024) });
    const { status, body } = await deliver("job.scheduled", big);
    expect(status).toBe(413);
    expect(body.error).toMatchObject({
      type: "validation_error",
      code: "payload_too_large",
      details: { field: "body" },
    });
    expect(await c.upstreamTotal()).toBe(before);
  });

  test("signed but not JSON: 400 validation_error", async () => {
    const { status, body } = await deliver("job.scheduled", "{not json");
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "validation_error", details: { field: "body" } });
  });

  test("signed JSON without an event: 400 naming the field", async () => {
    const { status, body } = await deliver("job.scheduled", fresh({ job: { id: "x" } }));
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "validation_error", details: { field: "event" } });
  });

  test("not sent as application/json: 415", async () => {
    const { status, body } = await deliver("ping", fresh({ event: "ping" }), {
      headers: { "content-type": "text/plain" },
    });
    expect(status).toBe(415);
    expect(body.error?.type).toBe("validation_error");
  });
});

describe("not a browser request", () => {
  test("needs no session, and a cross-site Origin or Sec-Fetch-Site does not block it", async () => {
    const { status } = await deliver("ping", fresh({ event: "ping" }), {
      headers: { origin: "https://buildkite.com", "sec-fetch-site": "cross-site" },
    });
    expect(status).toBe(202);
  });
});

describe("metrics and secrets", () => {
  test("deliveries are counted by event family and outcome", async () => {
    const scrape = async () => {
      const response = await fetch(`${c.origin}/api/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      return parseMetrics(await response.text());
    };
    const count = async (labels: Record<string, string>) =>
      metricValue(await scrape(), "stack_console_webhook_deliveries_total", labels);
    const accepted = await count({ event_type: "ping", outcome: "accepted" });
    const duplicate = await count({ event_type: "ping", outcome: "duplicate" });
    const unauthorized = await count({ event_type: "job", outcome: "unauthorized" });
    const invalid = await count({ event_type: "unknown", outcome: "invalid" });

    const ping = fresh({ event: "ping" });
    await deliver("ping", ping);
    await deliver("ping", ping);
    await deliver("job.started", fresh({ event: "job.started" }), { auth: { mode: "none" } });
    // An event header that is no Buildkite event is counted as unknown, not as a series of its own.
    await deliver("made.up.event", "{not json");

    expect(await count({ event_type: "ping", outcome: "accepted" })).toBe(accepted + 1);
    expect(await count({ event_type: "ping", outcome: "duplicate" })).toBe(duplicate + 1);
    expect(await count({ event_type: "job", outcome: "unauthorized" })).toBe(unauthorized + 1);
    expect(await count({ event_type: "unknown", outcome: "invalid" })).toBe(invalid + 1);
    const series = (await scrape()).filter((s) => s.name === "stack_console_webhook_deliveries_total");
    expect(series.map((s) => s.labels.event_type)).not.toContain("made.up.event");
  });

  test("neither the token nor any signature appears in a response or the log", () => {
    const everything = [...seen, ...logged].join("\n");
    expect(logged.some((line) => line.includes("webhook received"))).toBe(true);
    expect(everything).not.toContain(TOKEN);
    for (const signature of signatures) expect(everything).not.toContain(signature);
  });
});
