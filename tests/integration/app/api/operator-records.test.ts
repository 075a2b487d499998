import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
let stack: string;

beforeAll(async () => {
  c = await startConsole({ env: { POLL_INTERVAL_MS: "1000" } });
  stack = c.sim.stackKey;
});
beforeEach(() => c.control("reset", {}));
afterAll(() => c.close());

async function allJobIds(): Promise<string[]> {
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?all=1`);
  expect(body.ok).toBe(true);
  return (body.data as { id: string }[]).map((j) => j.id);
}

/** The queue as Buildkite (the simulator) lists it, page by page, without the console in between. */
async function upstreamIds(): Promise<string[]> {
  const ids: string[] = [];
  let after = "";
  for (;;) {
    const url = `${c.sim.agentApiUrl}/stacks/${stack}/scheduled-jobs?queue_key=${c.sim.queueKey}&limit=1000${after ? `&after=${encodeURIComponent(after)}` : ""}`;
    const page = (await (await fetch(url, { headers: { authorization: `Token ${c.sim.clusterToken}` } })).json()) as {
      jobs: { id: string }[];
      page_info: { has_next_page: boolean; end_cursor: string | null };
    };
    ids.push(...page.jobs.map((j) => j.id));
    if (!page.page_info.has_next_page || !page.page_info.end_cursor) return ids;
    after = page.page_info.end_cursor;
  }
}

const history = async (id: string) => (await c.api(`/api/v1/stacks/${stack}/jobs/${id}/history`)).body.data;

describe("the full list and bulk reservations", () => {
  test("all=1 returns every scheduled job across pages, oldest first", async () => {
    await c.control("jobs", { count: 2500 });
    const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?all=1`);
    expect(body.data.length).toBe((await upstreamIds()).length);
    expect(body.data.length).toBeGreaterThan(2500);
    expect(body.summary).toMatchObject({ complete: true, count: body.data.length });
    expect(body.pagination).toMatchObject({ hasMore: false });
    const times = (body.data as { scheduledAt: string }[]).map((j) => Date.parse(j.scheduledAt));
    expect(times.every((t, i) => i === 0 || (times[i - 1] ?? 0) <= t)).toBe(true);
  });

  test("1500 ids are reserved in two upstream batches, recorded, listed, and extended on a second reserve", async () => {
    await c.control("jobs", { count: 1500 });
    const ids = (await allJobIds()).slice(0, 1500);
    const before = await c.upstreamCalls("PUT /v3/stacks/:key/scheduled-jobs/batch-reserve");
    const { body } = await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: ids, expirySeconds: 600 } });
    expect(body.summary).toEqual({ reserved: 1500, notReserved: 0 });
    expect(await c.upstreamCalls("PUT /v3/stacks/:key/scheduled-jobs/batch-reserve")).toBe(before + 2);

    const reservations = (await c.api("/api/v1/reservations")).body.data as {
      jobId: string;
      reservedBy: string;
      expirySeconds: number;
    }[];
    expect(reservations.map((r) => r.jobId).sort()).toEqual([...ids].sort());
    expect(reservations[0]).toMatchObject({ reservedBy: "Test admin <admin@example.test>", expirySeconds: 600 });

    const first = ids[0] ?? "";
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [first], expirySeconds: 900 } });
    const h = await history(first);
    expect(h.events.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`)).toEqual([
      "extend:ok",
      "reserve:ok",
    ]);
    expect(h.reservation).toMatchObject({ jobId: first, expirySeconds: 900 });
  });

  test("a job Buildkite will not reserve is recorded as failed with the reason", async () => {
    const unknown = "00000000-0000-4000-8000-00000000beef";
    const { body } = await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [unknown] } });
    expect(body.data.notReserved).toEqual([unknown]);
    const h = await history(unknown);
    expect(h.events[0]).toMatchObject({
      action: "reserve",
      outcome: "failed",
      operator: "Test admin <admin@example.test>",
    });
    expect(h.reservation).toBeNull();
  });
});

describe("finish and notify are on the job's record", () => {
  test("finish records the reason and ends the console's reservation", async () => {
    const [id = ""] = await allJobIds();
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id] } });
    await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: "image pull failed", exitStatus: -1 } });
    const h = await history(id);
    expect(h.events[0]).toMatchObject({ action: "finish", outcome: "ok", detail: "exit -1: image pull failed" });
    expect(h.reservation).toBeNull();
    const reservations = (await c.api("/api/v1/reservations")).body.data as { jobId: string }[];
    expect(reservations.map((r) => r.jobId)).not.toContain(id);
  });

  test("notifications count per job, and a refused one is recorded as failed", async () => {
    const [id = ""] = await allJobIds();
    for (const text of ["waiting for a node", "node is starting"]) {
      await c.api(`/api/v1/stacks/${stack}/notifications`, { body: { notifications: [{ jobId: id, detail: text }] } });
    }
    const h = await history(id);
    expect(h.notificationsSent).toBe(2);
    expect(h.notificationCap).toBe(100);
    // " — Test admin <admin@example.test>" (the signed-in operator's name and email) takes 34 of Buildkite's 256 characters.
    expect(h.notificationMaxChars).toBe(222);
    const unknown = "00000000-0000-4000-8000-00000000cafe";
    await c.api(`/api/v1/stacks/${stack}/notifications`, {
      body: { notifications: [{ jobId: unknown, detail: "hello" }] },
    });
    expect((await history(unknown)).events[0]).toMatchObject({ action: "notify", outcome: "failed" });
  });
});

describe("bulk finish", () => {
  test("finishes every job and reports each one, including failures", async () => {
    const ids = (await allJobIds()).slice(0, 12);
    const unknown = "00000000-0000-4000-8000-00000000f00d";
    const { body } = await c.api(`/api/v1/stacks/${stack}/bulk-finish`, {
      body: { jobIds: [...ids, unknown], detail: "queue drained" },
    });
    expect(body.ok).toBe(true);
    expect(body.summary).toEqual({ finished: 12, failed: 1 });
    expect(body.data.results.map((r: { jobId: string }) => r.jobId)).toEqual([...ids, unknown]);
    expect(body.data.results[12]).toMatchObject({ jobId: unknown, outcome: "failed" });
    expect(body.data.results[12].error).toBeTruthy();
    const states = await c.api(`/api/v1/stacks/${stack}/job-states`, { body: { jobIds: ids } });
    expect(new Set(Object.values(states.body.data.states))).toEqual(new Set(["finished"]));
  });

  test("streams one NDJSON progress line per job, then the envelope", async () => {
    const ids = (await allJobIds()).slice(0, 5);
    const response = await fetch(`${c.origin}/api/v1/stacks/${stack}/bulk-finish`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/x-ndjson", ...identityHeaders("admin") },
      body: JSON.stringify({ jobIds: ids, detail: "drain" }),
    });
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(6);
    const progress = lines.slice(0, 5).map((l) => l.progress as { done: number; total: number });
    expect(progress.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.every((p) => p.total === 5)).toBe(true);
    expect(lines[5]).toMatchObject({ ok: true, command: "jobs.finish.bulk", summary: { finished: 5, failed: 0 } });
  });
});
