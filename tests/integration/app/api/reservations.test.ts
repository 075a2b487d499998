import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

// The reservations page's actions over real HTTP: extend and release go through the stack's reserve
// route (release is a re-reserve for 1 s), finish through bulk finish; the ledger's list follows.

let c: TestConsole;
let stack: string;

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
});
afterAll(() => c.close());

async function scheduledIds(count: number): Promise<string[]> {
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=${count}`);
  return (body.data as { id: string }[]).map((job) => job.id);
}

async function freshJobs(count: number): Promise<string[]> {
  const { ids } = await c.control<{ ids: string[] }>("jobs", { count });
  return ids;
}

async function listed(): Promise<{ jobId: string; expiresAt: string; pipelineSlug: string | null }[]> {
  const { status, body } = await c.api("/api/v1/reservations");
  expect(status).toBe(200);
  return body.data;
}

async function states(jobIds: string[]): Promise<Record<string, string>> {
  const { body } = await c.api(`/api/v1/stacks/${stack}/job-states`, { body: { jobIds } });
  return body.data.states;
}

describe("acting on the console's reservations", () => {
  test("a reservation lists the job's pipeline, build and queue as they were when it was reserved", async () => {
    const [id] = await freshJobs(1);
    const listedJob = (
      (await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?all=1`)).body.data as {
        id: string;
        pipeline: { slug: string };
        build: { number: number };
      }[]
    ).find((job) => job.id === id);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id], expirySeconds: 60 } });
    const reservation = (await listed()).find((r) => r.jobId === id);
    expect(reservation).toMatchObject({
      stackKey: stack,
      pipelineSlug: listedJob?.pipeline.slug,
      buildNumber: listedJob?.build.number,
      queueKey: "_default",
    });
  });

  test("extending moves the expiry later, in the list and in Buildkite", async () => {
    const [id] = await freshJobs(1);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id], expirySeconds: 60 } });
    const before = (await listed()).find((r) => r.jobId === id);
    const extend = await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id], expirySeconds: 1800 } });
    expect(extend.body.data.reserved).toEqual([id]);
    const after = (await listed()).find((r) => r.jobId === id);
    expect(Date.parse(after?.expiresAt ?? "") - Date.parse(before?.expiresAt ?? "")).toBeGreaterThan(1_000_000);
    // Past the first expiry the simulator still holds it: the second reserve extended it.
    await c.control("clock", { advanceMs: 120_000 });
    expect(await states([id!])).toEqual({ [id!]: "reserved" });
    const history = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/history`);
    expect(history.body.data.events.map((e: { action: string }) => e.action)).toEqual(["extend", "reserve"]);
  });

  test("releasing returns the job to the scheduled list and the console stops listing it", async () => {
    const [id] = await freshJobs(1);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id] } });
    const release = await c.api(`/api/v1/stacks/${stack}/reservations/release`, { body: { jobIds: [id] } });
    expect(release.status).toBe(200);
    expect(release.body).toMatchObject({
      command: "jobs.release",
      data: { released: [id], notReleased: [] },
      summary: { released: 1, notReleased: 0 },
    });
    expect((await listed()).map((r) => r.jobId)).not.toContain(id);
    await c.control("clock", { advanceMs: 1_000 });
    expect(await scheduledIds(1000)).toContain(id);
    expect(await states([id!])).toEqual({ [id!]: "scheduled" });
    const history = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/history`);
    expect(history.body.data.events[0]).toMatchObject({ action: "release", outcome: "ok" });
    const audit = await c.api(`/api/v1/audit?action=jobs.release`);
    expect(audit.body.data[0]).toMatchObject({ action: "jobs.release", jobIds: [id], outcome: "ok" });
  });

  test("releasing a job that has finished meanwhile says so and drops it from the list", async () => {
    const [id] = await freshJobs(1);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id] } });
    await c.api(`/api/v1/stacks/${stack}/bulk-finish`, { body: { jobIds: [id], detail: "elsewhere" } });
    const release = await c.api(`/api/v1/stacks/${stack}/reservations/release`, { body: { jobIds: [id] } });
    expect(release.body.data).toEqual({ released: [], notReleased: [id] });
    expect((await listed()).map((r) => r.jobId)).not.toContain(id);
  });

  test("finishing reserved jobs in bulk finishes them and ends their reservations", async () => {
    const ids = await freshJobs(2);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: ids } });
    const finish = await c.api(`/api/v1/stacks/${stack}/bulk-finish`, {
      body: { jobIds: ids, exitStatus: -1, detail: "not needed" },
    });
    expect(finish.status).toBe(200);
    expect(finish.body.data).toMatchObject({ finished: 2, failed: 0 });
    expect(await states(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, "finished"])));
    const held = (await listed()).map((r) => r.jobId);
    for (const id of ids) expect(held).not.toContain(id);
  });

  test("finishing a job someone else finished fails with Buildkite's words, which the page reads as already finished", async () => {
    const [id] = await freshJobs(1);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id] } });
    await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: "first" }, as: "operator" });
    const again = await c.api(`/api/v1/stacks/${stack}/bulk-finish`, { body: { jobIds: [id], detail: "second" } });
    expect(again.body.data.results).toEqual([
      { jobId: id, outcome: "failed", error: expect.stringMatching(/already finished/i) },
    ]);
  });

  test("a viewer may list reservations but not extend, release or finish them", async () => {
    const [id] = await freshJobs(1);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: [id] } });
    expect((await c.api("/api/v1/reservations", { as: "viewer" })).status).toBe(200);
    for (const [path, body] of [
      [`/api/v1/stacks/${stack}/reservations`, { jobIds: [id], expirySeconds: 600 }],
      [`/api/v1/stacks/${stack}/reservations/release`, { jobIds: [id] }],
      [`/api/v1/stacks/${stack}/bulk-finish`, { jobIds: [id], detail: "no" }],
    ] as const) {
      const refused = await c.api(path, { body, as: "viewer" });
      expect(refused.status).toBe(403);
      expect(refused.body.error?.type).toBe("permission_error");
    }
    expect(await states([id!])).toEqual({ [id!]: "reserved" });
  });
});
