import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate, openDatabase } from "@/server/store/database";
import type { AuditIntent } from "@/server/store/audit";
import { createStoreLedger } from "@/server/store/ledger";
import { openStore, type Store } from "@/server/store/store";
import { createTestDatabase, type TestDatabase } from "../../../support/postgres";

const JOB_A = "0190c7a2-1111-4000-8000-00000000000a";
const JOB_B = "0190c7a2-1111-4000-8000-00000000000b";

function intent(overrides: Partial<AuditIntent> = {}): AuditIntent {
  return {
    operator: { id: "u1", name: "Ada Lovelace", email: "ada@example.com", role: "operator" },
    action: "jobs.finish",
    stackKey: "stack-console",
    jobIds: [JOB_A],
    reason: "stuck for an hour",
    request: { key: "stack-console", id: JOB_A, exitStatus: -1 },
    requestId: "req-1",
    ...overrides,
  };
}

// The same behaviour is required of the embedded database and of PostgreSQL: both run the same migrations.
const backends: { name: string; open(): Promise<{ store: Store; cleanup(): Promise<void> }> }[] = [
  {
    name: "PGlite",
    async open() {
      return { store: await openStore({ dataDir: "memory://" }), cleanup: async () => undefined };
    },
  },
  {
    name: "PostgreSQL",
    async open() {
      const database: TestDatabase = await createTestDatabase();
      const store = await openStore({ url: database.url });
      return { store, cleanup: () => database.drop() };
    },
  },
];

describe.each(backends)("the store on $name", (backend) => {
  let store: Store;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ store, cleanup } = await backend.open());
  });
  afterAll(async () => {
    await store.db.close();
    await cleanup();
  });

  test("migrations are recorded and applied once", async () => {
    const rows = await store.db.query<{ id: string }>("SELECT id FROM schema_migrations ORDER BY id");
    expect(rows.map((r) => r.id)).toEqual([
      "001_audit_log",
      "002_reservation_ledger",
      "003_reservation_job_details",
      "004_queue_samples",
    ]);
    expect(await migrate(store.db)).toEqual([]);
  });

  test("an intent reads as outcome unknown until it is settled", async () => {
    const id = await store.audit.begin(intent({ requestId: "req-intent" }));
    let [entry] = (await store.audit.list({ jobId: JOB_A }, { limit: 10, offset: 0 })).entries.filter(
      (e) => e.id === id,
    );
    expect(entry).toMatchObject({
      operatorName: "Ada Lovelace",
      operatorEmail: "ada@example.com",
      role: "operator",
      action: "jobs.finish",
      stackKey: "stack-console",
      jobIds: [JOB_A],
      reason: "stuck for an hour",
      request: { exitStatus: -1 },
      outcome: "unknown",
      finishedAt: null,
      requestId: "req-intent",
    });

    await store.audit.settle(id, {
      outcome: "failed",
      upstreamStatus: 422,
      errorType: "validation_error",
      message: "already finished",
    });
    [entry] = (await store.audit.list({ jobId: JOB_A }, { limit: 10, offset: 0 })).entries.filter((e) => e.id === id);
    expect(entry).toMatchObject({
      outcome: "failed",
      upstreamStatus: 422,
      errorType: "validation_error",
      message: "already finished",
    });
    expect(Date.parse(entry?.finishedAt ?? "")).toBeGreaterThanOrEqual(Date.parse(entry?.startedAt ?? ""));
  });

  test("text with a NUL character or half a surrogate pair (which PostgreSQL cannot store) is kept with U+FFFD instead of failing the record", async () => {
    const job = "0f0f0f0f-0000-4000-8000-000000000000";
    const id = await store.audit.begin(
      intent({
        requestId: "req-nul",
        jobIds: [job],
        reason: "bad\u0000byte\ud800",
        request: { note: "nul\u0000here", half: "\udc00x", pair: "😀" },
      }),
    );
    expect((await store.audit.list({ operator: "Ada\u0000" }, { limit: 10, offset: 0 })).entries).toEqual([]);
    const found = (await store.audit.list({ jobId: job }, { limit: 10, offset: 0 })).entries.find((e) => e.id === id);
    expect(found).toMatchObject({
      reason: "bad\ufffdbyte\ufffd",
      request: { note: "nul\ufffdhere", half: "\ufffdx", pair: "😀" },
    });
  });

  test("a queue pause recorded with its note only in the request still shows the note as its reason", async () => {
    const id = await store.audit.begin(
      intent({
        action: "queue.pause",
        jobIds: [],
        reason: null,
        request: { key: "stack-console", queue: "_default", note: "db migration" },
        requestId: "req-old-pause",
      }),
    );
    const { entries } = await store.audit.list({ action: "queue.pause" }, { limit: 10, offset: 0 });
    expect(entries.find((e) => e.id === id)).toMatchObject({ reason: "db migration" });
  });

  test("filters by operator, action, job, outcome and time, newest first, with paging and a total", async () => {
    const base = Date.parse("2030-01-01T00:00:00Z");
    const at = (minutes: number) => new Date(base + minutes * 60_000);
    const grace = intent({
      operator: { id: "u2", name: "Grace Hopper", email: "grace@example.com", role: "admin" },
      requestId: "f",
    });
    const ids = [
      await store.audit.begin({ ...grace, action: "jobs.reserve", jobIds: [JOB_A, JOB_B] }, at(1)),
      await store.audit.begin({ ...grace, action: "jobs.notify", jobIds: [JOB_B] }, at(2)),
      await store.audit.begin({ ...grace, action: "stacks.register", jobIds: [] }, at(3)),
    ];
    await store.audit.settle(ids[0] ?? "", { outcome: "ok", result: { reserved: 2 } });
    const window = { from: at(0), to: at(10) };

    const all = await store.audit.list({ operator: "GRACE", ...window }, { limit: 2, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.entries.map((e) => e.action)).toEqual(["stacks.register", "jobs.notify"]);
    const next = await store.audit.list({ operator: "grace@", ...window }, { limit: 2, offset: 2 });
    expect(next.entries.map((e) => e.action)).toEqual(["jobs.reserve"]);
    expect(next.entries[0]).toMatchObject({ outcome: "ok", result: { reserved: 2 } });

    expect(
      (await store.audit.list({ jobId: JOB_B, ...window }, { limit: 10, offset: 0 })).entries.map((e) => e.action),
    ).toEqual(["jobs.notify", "jobs.reserve"]);
    expect((await store.audit.list({ action: "jobs.notify", ...window }, { limit: 10, offset: 0 })).total).toBe(1);
    expect((await store.audit.list({ outcome: "ok", ...window }, { limit: 10, offset: 0 })).total).toBe(1);
    expect(
      (await store.audit.list({ from: at(2), to: at(3), operator: "grace" }, { limit: 10, offset: 0 })).entries.map(
        (e) => e.action,
      ),
    ).toEqual(["jobs.notify"]);
    // A pattern character in the filter is matched literally.
    expect((await store.audit.list({ operator: "%" }, { limit: 10, offset: 0 })).total).toBe(0);
  });

  test("filters by the start of a job id, such as the 8 characters the console shows, matched literally", async () => {
    const base = Date.parse("2032-01-01T00:00:00Z");
    const window = { from: new Date(base), to: new Date(base + 60_000) };
    const other = "7d3e0f11-2222-4000-8000-00000000000c";
    const ids = [
      await store.audit.begin(intent({ jobIds: [JOB_A, JOB_B], requestId: "p1" }), new Date(base + 1000)),
      await store.audit.begin(intent({ jobIds: [other], requestId: "p2" }), new Date(base + 2000)),
    ];
    const matching = async (jobId: string) =>
      (await store.audit.list({ jobId, ...window }, { limit: 10, offset: 0 })).entries.map((e) => e.id);
    expect(await matching(JOB_A.slice(0, 8))).toEqual([ids[0]]);
    expect(await matching("7d3e")).toEqual([ids[1]]);
    expect(await matching(JOB_B)).toEqual([ids[0]]);
    expect(await matching(`${JOB_B.slice(0, 35)}`)).toEqual([ids[0]]);
    expect(await matching("0190c7a3")).toEqual([]);
    // LIKE's own characters in the filter match only themselves.
    expect(await matching("____")).toEqual([]);
    expect(await matching("%")).toEqual([]);
    let exported = 0;
    for await (const _entry of store.audit.each({ jobId: "7d3e0f11", ...window })) exported++;
    expect(exported).toBe(1);
  });

  test("an export walks every matching row exactly once across pages", async () => {
    const base = Date.parse("2031-01-01T00:00:00Z");
    const written = [];
    for (let i = 0; i < 7; i++)
      written.push(
        await store.audit.begin(intent({ action: "jobs.retry", requestId: `e${i}` }), new Date(base + (i % 3) * 1000)),
      );
    const seen = [];
    for await (const entry of store.audit.each({ action: "jobs.retry", from: new Date(base) }, 2)) seen.push(entry.id);
    expect(seen.sort()).toEqual([...written].sort());
  });

  test("the reservation ledger records batches, reservations and notification counts", async () => {
    const ledger = createStoreLedger(async () => store.db);
    const by = "Ada Lovelace <ada@example.com>";
    const [reserveA, reserveB, notify] = await ledger.begin([
      { stackKey: "s", jobId: JOB_A, action: "reserve", operator: by, detail: "600 s" },
      { stackKey: "s", jobId: JOB_B, action: "reserve", operator: by, detail: "600 s" },
      { stackKey: "s", jobId: JOB_A, action: "notify", operator: by, detail: "hello" },
    ]);
    await ledger.settle([
      { id: reserveA?.id ?? "", outcome: "ok" },
      { id: reserveB?.id ?? "", outcome: "failed", message: "reserved elsewhere" },
      { id: notify?.id ?? "", outcome: "ok" },
    ]);
    const now = Date.now();
    const later = new Date(now + 600_000).toISOString();
    await ledger.recordReservations([
      {
        stackKey: "s",
        jobId: JOB_A,
        reservedBy: by,
        reservedAt: new Date(now).toISOString(),
        expiresAt: later,
        expirySeconds: 600,
        pipelineSlug: "web",
        buildNumber: 12,
        queueKey: "_default",
      },
    ]);

    expect((await ledger.history("s", JOB_A)).map((e) => `${e.action}:${e.outcome}`)).toEqual([
      "notify:ok",
      "reserve:ok",
    ]);
    expect((await ledger.history("s", JOB_B))[0]).toMatchObject({
      outcome: "failed",
      message: "reserved elsewhere",
      operator: by,
    });
    expect(await ledger.notificationsSent("s", JOB_A)).toBe(1);
    expect([...(await ledger.reservedJobs("s", [JOB_A, JOB_B]))]).toEqual([JOB_A]);
    expect(await ledger.activeReservation("s", JOB_A)).toMatchObject({
      jobId: JOB_A,
      expiresAt: later,
      expirySeconds: 600,
      pipelineSlug: "web",
      buildNumber: 12,
      queueKey: "_default",
    });
    expect(await ledger.activeReservation("s", JOB_A, now + 601_000)).toBeNull();
    expect((await ledger.activeReservations()).map((r) => r.jobId)).toEqual([JOB_A]);
    await ledger.endReservation("s", JOB_A);
    expect(await ledger.activeReservations()).toEqual([]);
  });

  test("an extension keeps the job's details when it brings none, and a release ends the reservations", async () => {
    const ledger = createStoreLedger(async () => store.db);
    const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
    const reservation = { stackKey: "s", reservedBy: "Pat", reservedAt: at(0), expirySeconds: 600 };
    await ledger.recordReservations([
      { ...reservation, jobId: JOB_A, expiresAt: at(600_000), pipelineSlug: "web", buildNumber: 7, queueKey: "q" },
      { ...reservation, jobId: JOB_B, expiresAt: at(600_000), pipelineSlug: null, buildNumber: null, queueKey: null },
    ]);
    const extended = at(1_200_000);
    await ledger.recordReservations([
      { ...reservation, jobId: JOB_A, expiresAt: extended, pipelineSlug: null, buildNumber: null, queueKey: null },
    ]);
    expect(await ledger.activeReservation("s", JOB_A)).toMatchObject({
      expiresAt: extended,
      pipelineSlug: "web",
      buildNumber: 7,
      queueKey: "q",
    });
    await ledger.endReservations("s", [JOB_A, JOB_B]);
    expect(await ledger.activeReservations()).toEqual([]);
  });

  test("a reservation that ran out unended is listed as expired for a day, until the console ends it", async () => {
    const ledger = createStoreLedger(async () => store.db);
    const now = Date.now();
    const at = (offsetMs: number) => new Date(now + offsetMs).toISOString();
    const reservation = { stackKey: "s", reservedBy: "Pat", expirySeconds: 60, pipelineSlug: null, buildNumber: null };
    await ledger.recordReservations([
      { ...reservation, jobId: JOB_A, reservedAt: at(-120_000), expiresAt: at(-60_000), queueKey: null },
      { ...reservation, jobId: JOB_B, reservedAt: at(-60_000), expiresAt: at(60_000), queueKey: null },
    ]);
    // Listing the active ones leaves the recently expired one for triage.
    expect((await ledger.activeReservations(now)).map((r) => r.jobId)).toEqual([JOB_B]);
    expect((await ledger.expiredReservations("s", now)).map((r) => r.jobId)).toEqual([JOB_A]);
    expect(await ledger.expiredReservations("other", now)).toEqual([]);
    // A day on, only the one that ran out since is still listed.
    const dayLater = now + 24 * 60 * 60 * 1000 + 1000;
    expect((await ledger.expiredReservations("s", dayLater)).map((r) => r.jobId)).toEqual([JOB_B]);
    await ledger.endReservations("s", [JOB_A, JOB_B]);
    expect(await ledger.expiredReservations("s", now)).toEqual([]);
  });

  test("a batch of ledger rows with a NUL or half a surrogate pair in their text is kept with U+FFFD", async () => {
    const ledger = createStoreLedger(async () => store.db);
    const job = "0e0e0e0e-0000-4000-8000-000000000000";
    const [first, second] = await ledger.begin([
      { stackKey: "s", jobId: job, action: "notify", operator: "Ada\u0000", detail: "nul\u0000here" },
      { stackKey: "s", jobId: job, action: "notify", operator: "Ada", detail: "half\ud800" },
    ]);
    await ledger.settle([
      { id: first?.id ?? "", outcome: "ok" },
      { id: second?.id ?? "", outcome: "failed", message: "refused\u0000" },
    ]);
    const details = (await ledger.history("s", job)).map(
      (entry) => `${entry.operator}|${entry.detail}|${entry.message ?? ""}`,
    );
    expect(details.sort()).toEqual(["Ada|half\ufffd|refused\ufffd", "Ada\ufffd|nul\ufffdhere|"]);
  });
});

describe("the embedded store on disk", () => {
  test("keeps its rows and migrations across a reopen", async () => {
    const dir = await mkdtemp(join(tmpdir(), "stack-console-store-"));
    try {
      const first = await openStore({ dataDir: dir });
      const id = await first.audit.begin(intent());
      await first.db.close();

      const second = await openStore({ dataDir: dir });
      const { entries } = await second.audit.list({}, { limit: 10, offset: 0 });
      expect(entries.map((e) => e.id)).toEqual([id]);
      expect(await migrate(second.db)).toEqual([]);
      await second.db.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("a migration that fails leaves nothing half-applied and is not recorded", async () => {
    const db = await openDatabase({ dataDir: "memory://", migrations: [] });
    await expect(
      migrate(db, [{ id: "900_bad", sql: "CREATE TABLE half (x int); SELECT no_such_function();" }]),
    ).rejects.toThrow();
    expect(await db.query("SELECT 1 FROM schema_migrations WHERE id = '900_bad'")).toEqual([]);
    expect(await db.query("SELECT to_regclass('half') AS t")).toEqual([{ t: null }]);
    await db.close();
  });
});
