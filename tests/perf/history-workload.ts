import { loadavg } from "node:os";
import { openDatabase, type Database } from "../../server/store/database";
import { historyWindow, type HistoryWindow } from "../../server/history/history-window";
import { createQueueSamples } from "../../server/history/queue-samples";
import { createTestDatabase } from "../support/postgres";
import { stats, type Stats } from "./support";

// Runs in its own process under the react-server condition (see history.ts), where `server-only` is the
// empty module Next gives server code. Fills 7 days of minute samples for QUEUES queues, then times the
// history queries of one of them. Prints one JSON line of timings.

const QUEUES = 20;
const STACK = "bench-stack";
const MEASURED_QUEUE = "queue-7";
const WARM_UP = 5;
const RUNS = 40;

type Timing = Stats & { min: number };

export interface BackendResult {
  backend: string;
  rows: number;
  fillMs: number;
  queries: { name: string; returned: number; timing: Timing }[];
}

// Every minute of the last 7 days for every queue, made by the database itself: about 200,000 rows.
const FILL_SQL = `
  INSERT INTO queue_samples (stack_key, queue_key, at, backlog, oldest_wait_seconds, p50_wait_seconds,
    p95_wait_seconds, paused, busy_agents, idle_agents, complete)
  SELECT $1, 'queue-' || q, m,
    (q * 7 + extract(epoch FROM m)::bigint / 60 % 97)::integer,
    (extract(epoch FROM m)::bigint / 60 % 900)::double precision,
    (extract(epoch FROM m)::bigint / 60 % 300)::double precision,
    (extract(epoch FROM m)::bigint / 60 % 800)::double precision,
    extract(epoch FROM m)::bigint / 60 % 1440 < 10,
    CASE WHEN extract(epoch FROM m)::bigint / 60 % 500 = 0 THEN NULL ELSE q % 5 END,
    CASE WHEN extract(epoch FROM m)::bigint / 60 % 500 = 0 THEN NULL ELSE 3 END,
    true
  FROM generate_series(1, $2::integer) AS q,
    generate_series(date_trunc('minute', $3::timestamptz) - interval '7 days' + interval '1 minute',
      date_trunc('minute', $3::timestamptz), interval '1 minute') AS m`;

async function measure(db: Database, backend: string): Promise<BackendResult> {
  const now = Date.now();
  const filled = performance.now();
  await db.query(FILL_SQL, [STACK, QUEUES, new Date(now).toISOString()]);
  await db.exec("ANALYZE queue_samples");
  const fillMs = performance.now() - filled;
  const [count] = await db.query<{ n: number }>("SELECT count(*)::integer AS n FROM queue_samples");
  const samples = createQueueSamples(async () => db);
  // The raw week: what charting a week would cost without buckets (10,080 rows parsed and sent).
  const rawWeek: HistoryWindow = { ...historyWindow("7d", now), bucketSeconds: 60, raw: true };
  const cases: [string, HistoryWindow][] = [
    ["1h (raw minutes)", historyWindow("1h", now)],
    ["24h (5-minute buckets)", historyWindow("24h", now)],
    ["7d (30-minute buckets)", historyWindow("7d", now)],
    ["7d raw minutes (no buckets)", rawWeek],
  ];
  const queries = [];
  for (const [name, window] of cases) {
    let returned = 0;
    for (let i = 0; i < WARM_UP; i++) returned = (await samples.read(STACK, MEASURED_QUEUE, window)).length;
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await samples.read(STACK, MEASURED_QUEUE, window);
      times.push(performance.now() - start);
    }
    queries.push({ name, returned, timing: { ...stats(times), min: Math.min(...times) } });
  }
  return { backend, rows: count?.n ?? 0, fillMs, queries };
}

async function main(): Promise<void> {
  const results: BackendResult[] = [];
  const embedded = await openDatabase({ dataDir: "memory://" });
  try {
    results.push(await measure(embedded, "PGlite (embedded, in memory)"));
  } finally {
    await embedded.close();
  }
  const skipped: string[] = [];
  const test = await createTestDatabase().catch((error: unknown) => {
    skipped.push(`PostgreSQL skipped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  });
  if (test !== null) {
    const db = await openDatabase({ url: test.url });
    try {
      results.push(await measure(db, "PostgreSQL (local server)"));
    } finally {
      await db.close();
      await test.drop();
    }
  }
  console.log(JSON.stringify({ loadAverage: loadavg()[0] ?? 0, queues: QUEUES, results, skipped }));
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
