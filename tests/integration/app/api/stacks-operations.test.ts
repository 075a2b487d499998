import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
let stack: string;

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
});
afterAll(() => c.close());

const envelopeKeys = ["apiVersion", "command", "data", "error", "ok", "pagination", "request", "summary"];

async function scheduledIds(count: number): Promise<string[]> {
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=${count}`);
  return (body.data as { id: string }[]).map((job) => job.id);
}

describe("every Stacks operation through the BFF, in the contract's envelope", () => {
  test("auth.status reports the cluster token as valid in live mode", async () => {
    const { status, body } = await c.api("/api/v1/auth/status");
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(envelopeKeys);
    expect(body).toMatchObject({ ok: true, apiVersion: "v1", command: "auth.status", error: null });
    expect(body.data.mode).toBe("live");
    expect(body.data.clusterToken).toMatchObject({ configured: true, valid: true, stackKey: stack });
    expect(body.summary.ready).toBe(true);
    expect(body.data.operator).toEqual({
      name: "Test admin",
      role: "admin",
      permissions: ["read", "jobs.write", "stacks.admin"],
    });
  });

  test("jobs.scheduled.list returns a page oldest first with cursor pagination from page_info", async () => {
    await c.control("jobs", { count: 30 });
    const first = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=10`);
    expect(first.status).toBe(200);
    expect(first.body.command).toBe("jobs.scheduled.list");
    expect(first.body.data).toHaveLength(10);
    const times = (first.body.data as { scheduledAt: string }[]).map((j) => Date.parse(j.scheduledAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(first.body.pagination).toMatchObject({ perPage: 10, hasMore: true });
    const cursor = first.body.pagination?.nextPage;
    expect(typeof cursor).toBe("string");
    const second = await c.api(
      `/api/v1/stacks/${stack}/scheduled-jobs?limit=10&after=${encodeURIComponent(String(cursor))}`,
    );
    const firstIds = new Set((first.body.data as { id: string }[]).map((j) => j.id));
    expect((second.body.data as { id: string }[]).some((j) => firstIds.has(j.id))).toBe(false);
    expect(first.body.summary).toMatchObject({ count: 10, dispatchPaused: false });
  });

  test("?raw=1 puts Buildkite's own JSON in data", async () => {
    const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=2&raw=1`);
    expect(body.ok).toBe(true);
    expect(body.data).toHaveProperty("jobs");
    expect(body.data).toHaveProperty("page_info");
    expect(body.data.jobs[0]).toHaveProperty("scheduled_at");
  });

  test("queue.get reports the pause state, the full count and the oldest job", async () => {
    const { body } = await c.api(`/api/v1/stacks/${stack}/queue`);
    expect(body.ok).toBe(true);
    const stats = await c.control<{ jobs: Record<string, number> }>("stats");
    expect(body.data).toMatchObject({
      stackKey: stack,
      queueKey: c.sim.queueKey,
      dispatchPaused: false,
      countComplete: true,
    });
    expect(body.data.scheduledCount).toBeGreaterThan(30);
    expect(body.data.scheduledCount).toBeLessThanOrEqual(stats.jobs.scheduled ?? 0);
    expect(typeof body.data.oldestScheduledAt).toBe("string");

    await c.control("queue", { paused: true, note: "incident 42" });
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the shared read's reuse window
    const paused = await c.api(`/api/v1/stacks/${stack}/queue`);
    expect(paused.body.data.dispatchPaused).toBe(true);
    await c.control("queue", { paused: false });
  });

  test("jobs.get returns env and command, with secret-named env values hidden", async () => {
    let secretsSeen = 0;
    for (const id of await scheduledIds(10)) {
      const { body } = await c.api(`/api/v1/stacks/${stack}/jobs/${id}`);
      expect(body.ok).toBe(true);
      expect(body.data.id).toBe(id);
      expect(typeof body.data.command).toBe("string");
      expect(body.data.env.BUILDKITE_JOB_ID).toBe(id);
      const secretNames = Object.keys(body.data.env).filter((name) =>
        /_(PASSWORD|TOKEN|SECRET|ACCESS_KEY|API_KEY)$/.test(name),
      );
      for (const name of secretNames) expect(body.data.env[name]).toBe("[REDACTED]");
      expect([...(body.summary.redactedEnv as string[])].sort()).toEqual([...secretNames].sort());
      secretsSeen += secretNames.length;
    }
    expect(secretsSeen).toBeGreaterThan(0);
  });

  test("jobs.reserve reserves, the job leaves the list, and jobs.states says reserved", async () => {
    const ids = await scheduledIds(2);
    const reserve = await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: ids, expirySeconds: 60 } });
    expect(reserve.status).toBe(200);
    expect(reserve.body.data.reserved.sort()).toEqual([...ids].sort());
    expect(reserve.body.summary).toEqual({ reserved: 2, notReserved: 0 });
    const after = await scheduledIds(1000);
    for (const id of ids) expect(after).not.toContain(id);
    const states = await c.api(`/api/v1/stacks/${stack}/job-states`, { body: { jobIds: ids } });
    expect(Object.values(states.body.data.states)).toEqual(["reserved", "reserved"]);

    const unknown = "00000000-0000-4000-8000-000000000000";
    const again = await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [unknown] } });
    expect(again.body.data.notReserved).toEqual([unknown]);
    const withUnknown = await c.api(`/api/v1/stacks/${stack}/job-states`, { body: { jobIds: [unknown] } });
    expect(withUnknown.body.data.unknown).toEqual([unknown]);
  });

  test("jobs.finish finishes once with exit status 0; another operator's second finish fails", async () => {
    const [id] = await scheduledIds(1);
    const finish = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, {
      body: { exitStatus: 0, detail: "done by hand" },
    });
    expect(finish.status).toBe(200);
    expect(finish.body.data).toEqual({ jobId: id, finished: true, exitStatus: 0 });
    const states = await c.api(`/api/v1/stacks/${stack}/job-states`, { body: { jobIds: [id] } });
    expect(states.body.data.states[id!]).toBe("finished");
    const second = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, {
      body: { detail: "again" },
      as: "operator",
    });
    expect(second.body.ok).toBe(false);
    expect(second.body.error).toMatchObject({ type: "validation_error", details: { source: "buildkite" } });
  });

  test("a double-clicked finish is one finish: both requests answer finished, and the job is finished once", async () => {
    const [id] = await scheduledIds(1);
    const before = await c.upstreamCalls("POST /v3/stacks/:key/jobs/:uuid/finish");
    const finish = () =>
      c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { exitStatus: -1, detail: "stuck" } });
    const answers = await Promise.all([finish(), finish()]);
    expect(answers.map((answer) => [answer.status, answer.body.data?.finished])).toEqual([
      [200, true],
      [200, true],
    ]);
    expect(await c.upstreamCalls("POST /v3/stacks/:key/jobs/:uuid/finish")).toBe(before + 2);
    const history = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/history`);
    expect(
      (history.body.data.events as { action: string; outcome: string }[]).map((e) => [e.action, e.outcome]),
    ).toEqual([
      ["finish", "ok"],
      ["finish", "ok"],
    ]);
  });

  test("jobs.notify stores notifications signed by the operator and reports per-index failures", async () => {
    const [id] = await scheduledIds(1);
    const unknown = "00000000-0000-4000-8000-000000000001";
    const { body } = await c.api(`/api/v1/stacks/${stack}/notifications`, {
      body: {
        notifications: [
          { jobId: id, detail: "waiting for capacity" },
          { jobId: unknown, detail: "nope" },
        ],
      },
    });
    expect(body.ok).toBe(true);
    expect(body.data.sent).toBe(1);
    expect(body.data.failed).toBe(1);
    expect(body.data.errors[0].indexes).toEqual([1]);
    expect(body.data.errors[0].jobIds).toEqual([unknown]);
  });

  test("stacks.register creates then updates, and stacks.deregister removes", async () => {
    const input = { key: "bff-test-stack", queueKey: "_default", metadata: { version: "1.0" } };
    const created = await c.api("/api/v1/stacks", { body: input });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ key: "bff-test-stack", type: "custom" });
    expect(created.body.summary.created).toBe(true);
    const updated = await c.api("/api/v1/stacks", { body: input });
    expect(updated.status).toBe(200);
    expect(updated.body.summary.created).toBe(false);
    const gone = await c.api("/api/v1/stacks/bff-test-stack/deregister", { method: "POST" });
    expect(gone.body).toMatchObject({ ok: true, data: { key: "bff-test-stack", deregistered: true } });
    const again = await c.api("/api/v1/stacks/bff-test-stack/deregister", { method: "POST" });
    expect(again.status).toBe(404);
    expect(again.body.error?.type).toBe("not_found");
  });

  test("a cross-site mutation is refused before anything reaches Buildkite", async () => {
    const before = await c.upstreamCalls("POST /v3/stacks/register");
    const { status, body } = await c.api("/api/v1/stacks", {
      body: { key: "evil", queueKey: "_default" },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(status).toBe(403);
    expect(body.error?.type).toBe("permission_error");
    expect(await c.upstreamCalls("POST /v3/stacks/register")).toBe(before);
  });
});
