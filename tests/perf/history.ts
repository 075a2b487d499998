import { execFileSync } from "node:child_process";
import type { BackendResult } from "./history-workload";
import { ms, printTable } from "./support";

// Queue history queries (issue 15) over 7 days of minute samples for 20 queues (~200,000 rows), in the
// embedded database and, when one is reachable, in PostgreSQL: the 1h, 24h and 7d ranges as the route
// serves them, beside the same week read as raw minutes, with ratios measured in the same run. The
// workload runs in a child process under the react-server condition, as Next loads server code.

interface Result {
  loadAverage: number;
  queues: number;
  results: BackendResult[];
  skipped: string[];
}

export async function history(): Promise<void> {
  const output = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/perf/history-workload.ts"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const result = JSON.parse(output.trim().split("\n").pop()!) as Result;
  for (const backend of result.results) {
    const byName = new Map(backend.queries.map((q) => [q.name, q.timing]));
    const week = byName.get("7d (30-minute buckets)")!;
    const ratio = (name: string, over: string) => {
      const a = byName.get(name)!;
      const b = byName.get(over)!;
      return {
        measure: `${name} ÷ ${over}`,
        returned: "",
        runs: "",
        min_ms: Number((a.min / b.min).toFixed(2)),
        p50_ms: Number((a.p50 / b.p50).toFixed(2)),
        p95_ms: Number((a.p95 / b.p95).toFixed(2)),
      };
    };
    printTable(
      `Queue history, ${backend.backend}: ${backend.rows} samples (${result.queues} queues × 7 days of minutes, filled in ${ms(backend.fillMs / 1000)} s), one queue queried, load average ${result.loadAverage.toFixed(1)}`,
      [
        ...backend.queries.map((q) => ({
          measure: q.name,
          returned: q.returned,
          runs: q.timing.n,
          min_ms: ms(q.timing.min),
          p50_ms: ms(q.timing.p50),
          p95_ms: ms(q.timing.p95),
        })),
        ratio("7d (30-minute buckets)", "1h (raw minutes)"),
        ratio("7d (30-minute buckets)", "24h (5-minute buckets)"),
        ratio("7d raw minutes (no buckets)", "7d (30-minute buckets)"),
      ],
    );
    if (week.p95 <= 0) throw new Error("the 7d query took no time: the benchmark measured nothing");
  }
  for (const note of result.skipped) console.log(note);
}
