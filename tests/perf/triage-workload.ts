import { loadavg } from "node:os";
import type { ScheduledJob } from "../../lib/schemas/jobs";
import { createAgentIndex } from "../../lib/triage/agent-index";
import { parseAgentRules, parseAgentTags, ruleHolds } from "../../lib/triage/agent-rules";
import { createRandom } from "../../server/simulator/random";
import { computeFindings } from "../../server/triage/findings";
import type { TriageAgent, TriageInput } from "../../server/triage/input";
import { stats, type Stats } from "./support";

// Runs in its own process under the react-server condition (see triage.ts), where `server-only` is the
// empty module Next gives server code. Prints one JSON line of timings.

const JOBS = 5000;
const AGENTS = 2000;
const WARM_UP = 5;
const RUNS = 50;
// Every pair costs the naive matcher, so it gets fewer runs to keep the benchmark short.
const NAIVE_RUNS = 20;
const NOW = Date.parse("2026-12-07T12:00:00.000Z");

// Most jobs share a handful of rule sets; a few ask for what no agent has.
const RULE_SETS: [weight: number, rules: string[]][] = [
  [40, []],
  [20, ["os=linux", "docker=true"]],
  [12, ["queue=build", "os=linux", "size=large"]],
  [10, ["queue=build", "arch=arm64"]],
  [8, ["os=macos", "xcode=16.2"]],
  [5, ["queue=gpu", "gpu=*"]],
  [3, ["os=windows"]],
  [1, ["os=linux", "gpu=true"]],
  [1, ["queue=build", "ruby=1.9*"]],
];

function pick<T>(next: () => number, weighted: [number, T][]): T {
  const total = weighted.reduce((sum, [weight]) => sum + weight, 0);
  let roll = next() * total;
  for (const [weight, value] of weighted) if ((roll -= weight) < 0) return value;
  return weighted[weighted.length - 1]![1];
}

function workload(): TriageInput {
  // Seeded as the simulator is, so every run measures the same workload.
  const random = createRandom(42);
  const next = () => random.next();
  const jobs: ScheduledJob[] = Array.from({ length: JOBS }, (_, i) => ({
    id: `job-${i}`,
    priority: next() < 0.1 ? 10 : 0,
    agentQueryRules: pick(next, RULE_SETS),
    scheduledAt: new Date(NOW - Math.floor(next() * 3_600_000)).toISOString(),
    runnableAt: null,
    pipeline: { slug: `pipeline-${i % 40}`, uuid: null },
    build: { uuid: `build-${i % 700}`, number: i % 700, branch: "main" },
    step: { key: null },
  }));
  const agents: TriageAgent[] = Array.from({ length: AGENTS }, (_, i) => {
    const kind = pick(next, [
      [50, ["os=linux", "docker=true", "arch=amd64"]],
      [
        25,
        [
          "queue=build",
          "os=linux",
          `size=${next() < 0.5 ? "large" : "small"}`,
          `arch=${next() < 0.3 ? "arm64" : "amd64"}`,
        ],
      ],
      [15, ["os=macos", "xcode=16.2", "arch=arm64"]],
      [5, ["queue=gpu", "gpu=a100", "os=linux"]],
      [5, ["os=windows"]],
    ] as [number, string[]][]);
    return {
      id: `agent-${i}`,
      name: `agent-${i}`,
      connected: next() < 0.95,
      busy: next() < 0.7,
      tags: [...kind, `hostname=host-${i}`],
      busySince: NOW - Math.floor(next() * 600_000),
    };
  });
  return {
    now: NOW,
    jobs,
    queue: { key: "default", dispatchPaused: false, pause: null },
    agents,
    buildStates: new Map([["build-3", "canceled"]]),
    reservations: [{ jobId: "job-1", expiresAt: NOW - 60_000, finished: false }],
  };
}

/** Every job against every agent, each pair from parsed rules and tags: what the index avoids. */
function naiveMatch(input: TriageInput): number {
  const agentTags = input.agents.map((agent) => parseAgentTags(agent.tags));
  let pairs = 0;
  for (const job of input.jobs) {
    const rules = parseAgentRules(job.agentQueryRules);
    for (const tags of agentTags) if (rules.every((rule) => ruleHolds(rule, tags))) pairs += 1;
  }
  return pairs;
}

function indexedMatch(input: TriageInput): number {
  const index = createAgentIndex(input.agents);
  let pairs = 0;
  for (const job of input.jobs) pairs += index.match(job.agentQueryRules).matching.length;
  return pairs;
}

// The minimum shows the cost without the other processes sharing the machine's cores.
function time(runs: number, fn: () => unknown): Stats & { min: number } {
  for (let i = 0; i < WARM_UP; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return { ...stats(samples), min: Math.min(...samples) };
}

const input = workload();
if (naiveMatch(input) !== indexedMatch(input)) throw new Error("the indexed and naive matchers disagree");
const findings = computeFindings(input);
console.log(
  JSON.stringify({
    jobs: JOBS,
    agents: AGENTS,
    loadAverage: loadavg()[0],
    findings: findings.map((finding) => `${finding.kind}:${finding.count}`),
    computeFindings: time(RUNS, () => computeFindings(input)),
    indexed: time(RUNS, () => indexedMatch(input)),
    naive: time(NAIVE_RUNS, () => naiveMatch(input)),
  }),
);
