import type { QueueSample } from "@/lib/schemas/queue-history";

/** A minute's sample at `at`, with the figures a test cares about over quiet defaults. */
export function sample(at: string, overrides: Partial<QueueSample> = {}): QueueSample {
  return {
    at,
    backlog: 0,
    oldestWaitSeconds: 0,
    p50WaitSeconds: 0,
    p95WaitSeconds: 0,
    paused: false,
    busyAgents: 1,
    idleAgents: 0,
    complete: true,
    ...overrides,
  };
}

/** One sample a minute from `start`, with `backlogs[i]` waiting at minute i. */
export function minuteSamples(start: string, backlogs: readonly number[], overrides: Partial<QueueSample> = {}) {
  const from = Date.parse(start);
  return backlogs.map((backlog, minute) =>
    sample(new Date(from + minute * 60_000).toISOString(), { backlog, oldestWaitSeconds: backlog * 30, ...overrides }),
  );
}
