import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";

let c: TestConsole;
let stack: string;
// The simulator's reset brings back the same job ids, so each test reads only the rows written since it began.
let since: string;

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
});
beforeEach(async () => {
  await c.control("reset", {});
  since = new Date().toISOString();
});
afterEach(() => c.control("faults", undefined, "DELETE"));
afterAll(() => c.close());

async function jobIds(count: number): Promise<string[]> {
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?all=1`);
  return (body.data as { id: string }[]).slice(0, count).map((j) => j.id);
}

async function auditFor(jobId: string) {
  const { body } = await c.api(`/api/v1/audit?jobId=${jobId}&from=${since}`);
  expect(body.ok).toBe(true);
  return body.data as Record<string, unknown>[];
}

describe("every mutation through the BFF is on the audit log", () => {
  test("a finish leaves one row with who, what, why and outcome ok", async () => {
    const [id = ""] = await jobIds(1);
    const finish = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, {
      body: { detail: "image pull failed", exitStatus: 2 },
    });
    expect(finish.body.ok).toBe(true);
    const rows = await auditFor(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      operatorName: "Test admin",
      role: "admin",
      action: "jobs.finish",
      stackKey: stack,
      jobIds: [id],
      reason: "image pull failed",
      request: { key: stack, jobId: id, exitStatus: 2 },
      outcome: "ok",
      upstreamStatus: null,
      requestId: finish.headers.get("x-request-id"),
    });
    expect(rows[0]?.finishedAt).toEqual(expect.any(String));
  });

  test("a finish Buildkite refuses is recorded as failed with Buildkite's status", async () => {
    const [id = ""] = await jobIds(1);
    await c.control("faults", { method: "POST", path: `/v3/stacks/*/jobs/${id}/finish`, status: 422, count: 5 });
    const finish = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: "stuck" } });
    expect(finish.body.ok).toBe(false);
    const [row] = await auditFor(id);
    expect(row).toMatchObject({
      action: "jobs.finish",
      outcome: "failed",
      upstreamStatus: 422,
      errorType: "validation_error",
    });
    expect(row?.message).toEqual(expect.any(String));
  });

  test("a finish whose answer never comes back stays outcome unknown", async () => {
    const [id = ""] = await jobIds(1);
    await c.control("faults", { method: "POST", path: `/v3/stacks/*/jobs/${id}/finish`, status: 503, count: 5 });
    await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: "stuck" } });
    expect((await auditFor(id))[0]).toMatchObject({
      outcome: "unknown",
      upstreamStatus: 503,
      errorType: "server_error",
    });
  });

  test("invalid input is refused before anything is recorded", async () => {
    const [id = ""] = await jobIds(1);
    const { status } = await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: "" } });
    expect(status).toBe(400);
    expect(await auditFor(id)).toEqual([]);
  });

  test("bulk reserve, notify and bulk finish each record one row naming all their jobs", async () => {
    const ids = await jobIds(3);
    await c.api(`/api/v1/stacks/${stack}/reservations`, { body: { jobIds: ids, expirySeconds: 300 } });
    await c.api(`/api/v1/stacks/${stack}/notifications`, {
      body: { notifications: ids.map((jobId) => ({ jobId, detail: "looking into it" })) },
    });
    await c.api(`/api/v1/stacks/${stack}/bulk-finish`, { body: { jobIds: ids, detail: "queue drained" } });
    const rows = await auditFor(ids[1] ?? "");
    expect(rows.map((r) => r.action)).toEqual(["jobs.finish.bulk", "jobs.notify", "jobs.reserve"]);
    for (const row of rows) expect(row).toMatchObject({ jobIds: ids, outcome: "ok" });
    expect(rows[0]).toMatchObject({
      reason: "queue drained",
      request: { jobIds: 3 },
      result: { finished: 3, failed: 0 },
    });
    expect(rows[1]).toMatchObject({ reason: "looking into it", request: { notifications: 3 } });
    expect(rows[2]).toMatchObject({
      request: { expirySeconds: 300, jobIds: 3 },
      result: { reserved: 3, notReserved: 0 },
    });
  });

  test("a queue pause records its note as the reason, in the table and the CSV's reason column", async () => {
    const pause = await c.api(`/api/v1/stacks/${stack}/queue/pause?queue=_default`, {
      body: { note: "db migration, back at 14:00" },
    });
    expect(pause.body.ok).toBe(true);
    await c.api(`/api/v1/stacks/${stack}/queue/resume?queue=_default`, { body: {} });
    const { body } = await c.api(`/api/v1/audit?from=${since}`);
    const rows = body.data as Record<string, unknown>[];
    expect(rows.map((r) => r.action)).toEqual(["queue.resume", "queue.pause"]);
    expect(rows[1]).toMatchObject({
      reason: "db migration, back at 14:00",
      request: { key: stack, queue: "_default" },
    });
    expect(rows[1]?.request).not.toHaveProperty("note");
    expect(rows[0]).toMatchObject({ reason: null });

    const pauses = await c.api(`/api/v1/audit?action=queue.pause&from=${since}`);
    expect(pauses.body.data.map((r: { action: string }) => r.action)).toEqual(["queue.pause"]);
    const csv = await fetch(`${c.origin}/api/v1/audit?format=csv&action=queue.pause&from=${since}`, {
      headers: identityHeaders("admin"),
    });
    const [header = "", row = ""] = (await csv.text()).split("\r\n");
    const reasonColumn = header.split(",").indexOf("reason");
    // The reason has a comma, so the cell is quoted; the cells before it hold none.
    expect(row.split(",").slice(reasonColumn).join(",")).toMatch(/^"db migration, back at 14:00",ok,/);
  });

  test("reads are not recorded", async () => {
    const [id = ""] = await jobIds(1);
    await c.api(`/api/v1/stacks/${stack}/jobs/${id}`);
    await c.api(`/api/v1/stacks/${stack}/job-states`, { body: { jobIds: [id] } });
    expect(await auditFor(id)).toEqual([]);
  });
});

describe("reading the audit log", () => {
  test("filters by operator, action and time, and pages newest first", async () => {
    const from = new Date().toISOString();
    const ids = await jobIds(3);
    for (const id of ids)
      await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: `finish ${id}` } });
    await c.api(`/api/v1/stacks/${stack}/notifications`, {
      body: { notifications: [{ jobId: ids[0], detail: "hi" }] },
    });

    const finishes = await c.api(`/api/v1/audit?action=jobs.finish&operator=test%20adm&from=${from}&perPage=2`);
    expect(finishes.body.summary).toMatchObject({ total: 3, count: 2 });
    expect(finishes.body.pagination).toMatchObject({ page: 1, perPage: 2, nextPage: 2, hasMore: true });
    expect(finishes.body.data.map((r: { jobIds: string[] }) => r.jobIds[0])).toEqual([ids[2], ids[1]]);
    const second = await c.api(`/api/v1/audit?action=jobs.finish&from=${from}&perPage=2&page=2`);
    expect(second.body.data.map((r: { jobIds: string[] }) => r.jobIds[0])).toEqual([ids[0]]);
    expect(second.body.pagination).toMatchObject({ hasMore: false, prevPage: 1 });

    expect((await c.api(`/api/v1/audit?operator=nobody&from=${from}`)).body.summary).toMatchObject({ total: 0 });
    expect(
      (await c.api(`/api/v1/audit?to=${from}&action=jobs.notify`)).body.data.every(
        (r: { startedAt: string }) => r.startedAt < from,
      ),
    ).toBe(true);
  });

  test("finds a job's rows by the 8 characters of its id the console shows, upper or lower case", async () => {
    const [id = ""] = await jobIds(1);
    await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, { body: { detail: "by prefix" } });
    for (const jobId of [id.slice(0, 8), id.slice(0, 4), id.slice(0, 8).toUpperCase(), id]) {
      const { status, body } = await c.api(`/api/v1/audit?jobId=${jobId}&from=${since}`);
      expect(status, jobId).toBe(200);
      expect(body.data.map((r: { reason: string }) => r.reason)).toEqual(["by prefix"]);
    }
    const short = await c.api(`/api/v1/audit?jobId=${id.slice(0, 3)}`);
    expect(short.status).toBe(400);
    expect(short.body.error?.details.issues).toEqual([expect.objectContaining({ field: "query.jobId" })]);
    const pattern = await c.api(`/api/v1/audit?jobId=${encodeURIComponent("%%%%")}`);
    expect(pattern.status).toBe(400);
  });

  test("bad filters are validation errors naming the field", async () => {
    const { status, body } = await c.api("/api/v1/audit?jobId=nope&from=yesterday-ish");
    expect(status).toBe(400);
    const fields = (body.error?.details.issues as { field: string }[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["query.jobId", "query.from"]));
  });

  test("exports CSV that a spreadsheet cannot run as a formula", async () => {
    const [id = ""] = await jobIds(1);
    await c.api(`/api/v1/stacks/${stack}/jobs/${id}/finish`, {
      body: { detail: '=HYPERLINK("http://evil")\nsecond line, "quoted"' },
    });
    const response = await fetch(`${c.origin}/api/v1/audit?format=csv&jobId=${id}&from=${since}`, {
      headers: identityHeaders("admin"),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="audit-.*\.csv"$/);
    const text = await response.text();
    const [header, ...rest] = text.split("\r\n");
    expect(header?.split(",").slice(0, 10)).toEqual([
      "started_at",
      "finished_at",
      "operator",
      "operator_email",
      "role",
      "action",
      "stack",
      "job_ids",
      "reason",
      "outcome",
    ]);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil"")\nsecond line, ""quoted""",ok,`);
    expect(rest.filter(Boolean)).toHaveLength(1);
  });
});
