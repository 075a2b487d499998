import { execFileSync } from "node:child_process";
import { ms, printTable, type Stats } from "./support";

// Triage findings (issue 15) for 5000 scheduled jobs and 2000 agents: computeFindings whole, and its agent
// matching beside a naive matcher (every job against every agent) measured in the same run. The workload
// runs in a child process under the react-server condition, as Next loads server code, so the server
// modules' `server-only` marker resolves to its empty module.

type Timing = Stats & { min: number };

interface Result {
  jobs: number;
  agents: number;
  loadAverage: number;
  findings: string[];
  computeFindings: Timing;
  indexed: Timing;
  naive: Timing;
}

export async function triage(): Promise<void> {
  const output = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "tests/perf/triage-workload.ts"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const result = JSON.parse(output.trim().split("\n").pop()!) as Result;
  const row = (name: string, s: Timing) => ({
    measure: name,
    runs: s.n,
    min_ms: ms(s.min),
    p50_ms: ms(s.p50),
    p95_ms: ms(s.p95),
    max_ms: ms(s.max),
  });
  printTable(
    `Triage findings: ${result.jobs} scheduled jobs × ${result.agents} agents, load average ${result.loadAverage.toFixed(1)} (${result.findings.join(", ")})`,
    [
      row("computeFindings (all kinds, indexed matcher)", result.computeFindings),
      row("matching only: indexed, memoised per rule set", result.indexed),
      row("matching only: naive, every job × every agent", result.naive),
      {
        measure: "naive ÷ indexed matching",
        runs: "",
        min_ms: Number((result.naive.min / result.indexed.min).toFixed(1)),
        p50_ms: Number((result.naive.p50 / result.indexed.p50).toFixed(1)),
        p95_ms: "",
        max_ms: "",
      },
    ],
  );
}
