import { createHmac } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { InvalidWebhookRegistration } from "@/server/simulator";
import { jobPath, post, startHarness, type Harness, type SimFixtures } from "./sim-harness";
import { startReceiver, until, type Received, type TestReceiver } from "./webhook-receiver";

const TOKEN = "wh-secret-token-1234";
const webhookDate = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
const sender = z.object({ id: z.string().min(1), name: z.string().min(1) }).strict();
const pipeline = z.looseObject({ id: z.uuid(), slug: z.string().min(1), url: z.url(), created_at: webhookDate });
const build = z.looseObject({ id: z.uuid(), number: z.number().int(), state: z.string(), created_at: webhookDate });
const jobEvent = z
  .object({
    event: z.string().startsWith("job."),
    job: z.looseObject({
      id: z.uuid(),
      type: z.string(),
      state: z.string(),
      scheduled_at: webhookDate.nullable(),
      finished_at: webhookDate.nullable(),
    }),
    build: build.refine((value) => !("jobs" in value), "a build without jobs"),
    pipeline,
    sender,
  })
  .strict();
const buildEvent = z.object({ event: z.string().startsWith("build."), build, pipeline, sender }).strict();

interface DeliveryRecord {
  event: string;
  outcome: string;
  attempt: number;
  status: number | null;
  error: string | null;
  queuedAt: string;
  finishedAt: string | null;
}
interface ReceiverListing {
  id: string;
  url: string;
  mode: string;
  events: string[];
  queued: number;
  deliveries: DeliveryRecord[];
}

let h: Harness;
let fx: SimFixtures;
let receiver: TestReceiver;
beforeAll(async () => {
  // Fast retries, so the retry and failure paths take milliseconds.
  h = await startHarness({ webhooks: { retryDelaysMs: [20, 20, 20] } });
  fx = await h.fixtures();
});
beforeEach(async () => {
  await h.control("webhooks", undefined, "DELETE");
  await h.control("reset");
  receiver = await startReceiver();
});
afterEach(() => receiver.close());
afterAll(() => h.sim.close());

const register = async (body: Record<string, unknown>): Promise<string> => {
  const response = await h.control("webhooks", { url: receiver.url, token: TOKEN, mode: "token", ...body });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
};
const listing = async (): Promise<ReceiverListing[]> =>
  ((await (await h.control("webhooks", undefined, "GET")).json()) as { webhooks: ReceiverListing[] }).webhooks;
const newJobs = async (count: number): Promise<string[]> =>
  ((await (await h.control("jobs", { count })).json()) as { ids: string[] }).ids;
const finish = (jobId: string, exitStatus = 0) =>
  h.api(`/stacks/${h.sim.stackKey}/jobs/${jobId}/finish`, post({ exit_status: exitStatus, detail: "done" }));
/** Every delivery settled (delivered, failed or dropped) and nothing left queued, on every receiver. */
const settled = async (): Promise<boolean> =>
  (await listing()).every(
    (entry) =>
      entry.queued === 0 && entry.deliveries.every((d) => ["delivered", "failed", "dropped"].includes(d.outcome)),
  );
const jobIdOf = (received: Received): string => jobEvent.parse(received.payload).job.id;

describe("POST /__sim/webhooks in token mode", () => {
  it("delivers job.scheduled for each new job with Buildkite's headers, the token and the documented payload", async () => {
    await register({ events: ["job.scheduled"] });
    const ids = await newJobs(2);
    await until(() => receiver.requests.length === 2);
    expect(receiver.requests.map(jobIdOf)).toEqual(ids);
    for (const request of receiver.requests) {
      expect(request.headers["content-type"]).toBe("application/json");
      expect(request.headers["user-agent"]).toBe("Buildkite-Request");
      expect(request.headers["x-buildkite-event"]).toBe("job.scheduled");
      expect(request.headers["x-buildkite-token"]).toBe(TOKEN);
      expect(request.headers["x-buildkite-signature"]).toBeUndefined();
      const payload = jobEvent.parse(request.payload);
      expect(payload.event).toBe("job.scheduled");
      expect(payload.job.state).toBe("scheduled");
      // The URLs inside point at the simulator that sent them.
      expect(payload.pipeline.url.startsWith(h.sim.restApiUrl)).toBe(true);
    }
  });
});

describe("POST /__sim/webhooks in signature mode", () => {
  it("signs `<timestamp>.<body>` with the token at the wall clock's time and never sends the token", async () => {
    await register({ mode: "signature", events: ["job.scheduled"] });
    await newJobs(2);
    await until(() => receiver.requests.length === 2);
    for (const request of receiver.requests) {
      expect(request.headers["x-buildkite-token"]).toBeUndefined();
      const match = /^timestamp=(\d+),signature=([0-9a-f]{64})$/.exec(String(request.headers["x-buildkite-signature"]));
      expect(match).not.toBeNull();
      const [, timestamp = "", signature] = match ?? [];
      expect(signature).toBe(createHmac("sha256", TOKEN).update(`${timestamp}.${request.body}`).digest("hex"));
      expect(Math.abs(Number(timestamp) * 1000 - request.at)).toBeLessThan(60_000);
      jobEvent.parse(request.payload);
    }
  });
});

describe("events", () => {
  it("sends job.finished when a stack finishes a job through the Stacks API", async () => {
    await register({ events: ["job.finished"] });
    const [id = ""] = await newJobs(1);
    expect((await finish(id, 3)).status).toBe(200);
    await until(() => receiver.requests.length === 1);
    const payload = jobEvent.parse(receiver.requests[0]?.payload);
    expect(payload).toMatchObject({ event: "job.finished", job: { id, state: "failed", exit_status: 3 } });
    expect(payload.job.finished_at).not.toBeNull();
  });

  it("sends build events without jobs, from scheduled to finished", async () => {
    await register({ events: ["build.scheduled", "build.failing", "build.finished"] });
    const [first = "", second = ""] = await newJobs(2);
    await finish(first, 1);
    await finish(second, 0);
    await until(() => receiver.requests.length === 3);
    expect(receiver.requests.map((r) => r.event)).toEqual(["build.scheduled", "build.failing", "build.finished"]);
    const last = buildEvent.parse(receiver.requests[2]?.payload);
    expect(last.build.state).toBe("failed");
  });

  it("reports REST unblock, retry and cancel as job.activated, job.scheduled and job.finished", async () => {
    await register({ events: ["job.activated", "job.scheduled", "job.finished", "build.finished"] });
    expect((await h.rest(`${jobPath(fx.manualJob)}/unblock`, { method: "PUT", body: "{}" })).status).toBe(200);
    const retried = await h.rest(`${jobPath(fx.failedJob)}/retry`, { method: "PUT" });
    expect(retried.status).toBe(200);
    const fresh = (await retried.json()) as { id: string };
    const [ownJob = ""] = await newJobs(1);
    const scheduledOwn = () => receiver.requests.find((r) => r.event === "job.scheduled" && jobIdOf(r) === ownJob);
    await until(() => scheduledOwn() !== undefined);
    const own = jobEvent.parse(scheduledOwn()?.payload);
    const cancel = await h.rest(
      `/organizations/acme/pipelines/${own.pipeline.slug}/builds/${own.build.number}/cancel`,
      { method: "PUT" },
    );
    expect(cancel.status).toBe(200);
    await until(async () => (await settled()) && receiver.requests.some((r) => r.event === "build.finished"));
    const seen = receiver.requests.map((r) => [r.event, r.event.startsWith("job.") ? jobIdOf(r) : null]);
    expect(seen).toContainEqual(["job.activated", fx.manualJob.jobId]);
    expect(seen).toContainEqual(["job.scheduled", fresh.id]);
    expect(seen).toContainEqual(["job.finished", ownJob]);
    expect(seen.at(-1)?.[0]).toBe("build.finished");
  });

  it("sends only the events a receiver asked for", async () => {
    await register({ events: ["build.scheduled"] });
    await newJobs(2);
    await until(async () => receiver.requests.length === 1 && (await settled()));
    expect(receiver.requests.map((r) => r.event)).toEqual(["build.scheduled"]);
    expect((await listing())[0]?.deliveries.map((d) => d.event)).toEqual(["build.scheduled"]);
  });

  it("keeps each receiver's order: a job's scheduled event always arrives before its finished one", async () => {
    await register({ events: ["*"] });
    receiver.answers = [500];
    const ids = await newJobs(3);
    for (const id of ids) await finish(id);
    await until(async () => receiver.delivered().length === 9 && (await settled()));
    expect(
      receiver.delivered().map((r) => (r.event.startsWith("job.") ? `${r.event} ${jobIdOf(r)}` : r.event)),
    ).toEqual([
      "build.scheduled",
      ...ids.map((id) => `job.scheduled ${id}`),
      ...ids.flatMap((id, index) => [`job.finished ${id}`, ...(index === 0 ? ["build.running"] : [])]),
      "build.finished",
    ]);
  });
});

describe("delivery", () => {
  it("retries a receiver that answers 500 twice and delivers on the third attempt", async () => {
    await register({ events: ["build.scheduled"] });
    receiver.answers = [500, 500];
    await newJobs(1);
    await until(async () => (await listing())[0]?.deliveries[0]?.outcome === "delivered");
    expect(receiver.requests.map((r) => r.body)).toEqual(Array(3).fill(receiver.requests[0]?.body));
    expect((await listing())[0]?.deliveries[0]).toMatchObject({
      event: "build.scheduled",
      outcome: "delivered",
      attempt: 3,
      status: 200,
      error: null,
    });
  });

  it("gives up after the retries and logs the delivery as failed, with a network error when there is no answer", async () => {
    await register({ events: ["build.scheduled"] });
    receiver.answers = [503, 503, 503, 503];
    await h.control("webhooks", { url: "http://127.0.0.1:1/nowhere", token: TOKEN, events: ["build.scheduled"] });
    await newJobs(1);
    await until(settled);
    const [answered, unreachable] = await listing();
    expect(answered?.deliveries[0]).toMatchObject({ outcome: "failed", attempt: 4, status: 503 });
    expect(unreachable?.deliveries[0]).toMatchObject({ outcome: "failed", attempt: 4, status: null });
    expect(unreachable?.deliveries[0]?.error).toEqual(expect.any(String));
    expect(receiver.requests).toHaveLength(4);
  });
});

describe("a receiver that never answers", () => {
  it("is given up on after the per-attempt timeout, and the queue moves on", async () => {
    const impatient = await startHarness({ webhooks: { timeoutMs: 100, retryDelaysMs: [] } });
    try {
      impatient.sim.registerWebhook({ url: receiver.url, token: TOKEN, mode: "token", events: ["*"] });
      receiver.answers = [0];
      await impatient.control("jobs", { count: 1 });
      await until(() => receiver.delivered().length === 1);
      expect(receiver.requests.map((r) => r.event)).toEqual(["build.scheduled", "job.scheduled"]);
      const body = (await (await impatient.control("webhooks", undefined, "GET")).json()) as {
        webhooks: ReceiverListing[];
      };
      expect(body.webhooks[0]?.deliveries[0]).toMatchObject({
        event: "build.scheduled",
        outcome: "failed",
        status: null,
      });
    } finally {
      await impatient.sim.close();
    }
  });
});

describe("a full queue", () => {
  it("drops the oldest pending deliveries past the limit and counts them", async () => {
    const small = await startHarness({ webhooks: { queueLimit: 2 } });
    try {
      small.sim.registerWebhook({ url: receiver.url, token: TOKEN, mode: "token", events: ["*"] });
      const created = (await (await small.control("jobs", { count: 5 })).json()) as { ids: string[] };
      await until(() => receiver.requests.length === 2);
      // All six events were queued in one go, before the first could be sent: only the newest two are left.
      expect(receiver.requests.map(jobIdOf)).toEqual(created.ids.slice(3));
      const smallListing = async (): Promise<ReceiverListing & { overflowed: number }> => {
        const body = (await (await small.control("webhooks", undefined, "GET")).json()) as {
          webhooks: (ReceiverListing & { overflowed: number })[];
        };
        const [only] = body.webhooks;
        if (only === undefined) throw new Error("the receiver is not listed");
        return only;
      };
      await until(async () => (await smallListing()).deliveries.every((d) => d.outcome !== "sending"));
      const entry = await smallListing();
      expect(entry?.overflowed).toBe(4);
      expect(entry?.deliveries.map((d) => [d.event, d.outcome, d.error])).toEqual([
        ["build.scheduled", "dropped", "queue full"],
        ...Array(3).fill(["job.scheduled", "dropped", "queue full"]),
        ["job.scheduled", "delivered", null],
        ["job.scheduled", "delivered", null],
      ]);
    } finally {
      await small.sim.close();
    }
  });
});

describe("webhook faults", () => {
  it("drops the next matching deliveries: never sent, listed as dropped", async () => {
    await register({ events: ["job.scheduled"] });
    const armed = await h.control("faults", { method: "WEBHOOK", path: "job.*", mode: "drop", count: 1 });
    expect(armed.status).toBe(200);
    const [dropped = "", sent = ""] = await newJobs(2);
    await until(async () => receiver.requests.length === 1 && (await settled()));
    expect(receiver.requests.map(jobIdOf)).toEqual([sent]);
    expect(receiver.requests.map(jobIdOf)).not.toContain(dropped);
    expect((await listing())[0]?.deliveries.map((d) => [d.outcome, d.attempt])).toEqual([
      ["dropped", 0],
      ["delivered", 1],
    ]);
  });

  it("delays the next matching delivery by delayMs", async () => {
    await register({ events: ["build.scheduled", "job.scheduled"] });
    await h.control("faults", { method: "WEBHOOK", path: "job.scheduled", delayMs: 300 });
    const sentAt = Date.now();
    await newJobs(1);
    await until(() => receiver.requests.length === 2);
    const [first, second] = receiver.requests;
    expect(first?.event).toBe("build.scheduled");
    expect(second?.event).toBe("job.scheduled");
    expect((second?.at ?? 0) - sentAt).toBeGreaterThanOrEqual(300);
  });

  it("refuses mode drop on an HTTP fault, naming the field", async () => {
    const response = await h.control("faults", { path: "/v3/*", mode: "drop" });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).toMatch(/^mode: /);
  });
});

describe("managing receivers", () => {
  it("stops delivering to a receiver once it is deleted, and DELETE without an id removes them all", async () => {
    const id = await register({ events: ["*"] });
    const witness = await startReceiver();
    try {
      await h.control("webhooks", { url: witness.url, token: TOKEN, events: ["*"] });
      expect((await h.control(`webhooks/${id}`, undefined, "DELETE")).status).toBe(200);
      expect((await h.control(`webhooks/${id}`, undefined, "DELETE")).status).toBe(404);
      await newJobs(2);
      await until(() => witness.requests.length === 3);
      expect(receiver.requests).toEqual([]);
      expect(await (await h.control("webhooks", undefined, "DELETE")).json()).toEqual({ removed: 1 });
      expect(await listing()).toEqual([]);
    } finally {
      await witness.close();
    }
  });

  it("keeps receivers across a reset, but not their deliveries", async () => {
    await register({ mode: "signature", events: ["build.scheduled"] });
    await newJobs(1);
    await until(async () => (await listing())[0]?.deliveries.length === 1);
    await h.control("reset");
    expect(await listing()).toMatchObject([
      { url: receiver.url, mode: "signature", events: ["build.scheduled"], deliveries: [] },
    ]);
    expect(JSON.stringify(await listing())).not.toContain(TOKEN);
    await newJobs(1);
    await until(() => receiver.requests.length === 2);
  });

  it("refuses a bad registration with a 422 naming the field", async () => {
    const refusal = async (body: Record<string, unknown>): Promise<string> => {
      const response = await h.control("webhooks", { url: receiver.url, token: TOKEN, events: ["*"], ...body });
      expect(response.status).toBe(422);
      return ((await response.json()) as { message: string }).message;
    };
    expect(await refusal({ url: "ftp://127.0.0.1/x" })).toMatch(/^url: /);
    expect(await refusal({ events: ["job.exploded"] })).toMatch(/^events\.0: /);
    expect(await refusal({ mode: "both" })).toMatch(/^mode: /);
    expect(await refusal({ token: "" })).toMatch(/^token: /);
    expect(await listing()).toEqual([]);
  });

  it("is also reachable from startSimulator's result, which validates the same way", async () => {
    const { id } = h.sim.registerWebhook({ url: receiver.url, token: TOKEN, mode: "token", events: ["job.scheduled"] });
    expect((await listing()).map((entry) => entry.id)).toEqual([id]);
    expect(() => h.sim.registerWebhook({ url: "mailto:x@y", token: TOKEN, mode: "token", events: ["*"] })).toThrow(
      InvalidWebhookRegistration,
    );
    await newJobs(1);
    await until(() => receiver.requests.length === 1);
  });
});
