import type { ScheduledJob } from "@/lib/schemas/jobs";

/** A scheduled job as the console's API shapes it; `n` orders their scheduled times. */
export function scheduledJob(n: number, overrides: Partial<ScheduledJob> = {}): ScheduledJob {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    priority: 0,
    agentQueryRules: ["queue=default"],
    scheduledAt: new Date(Date.UTC(2026, 11, 6, 3, 0, n)).toISOString(),
    runnableAt: null,
    pipeline: { slug: "web", uuid: null },
    build: { uuid: null, number: n, branch: "main" },
    step: { key: null },
    ...overrides,
  };
}

/** A scheduled job named `id` (tests that care about ids, not times), with `overrides`. */
export const jobNamed = (id: string, overrides: Partial<ScheduledJob> = {}): ScheduledJob => ({
  ...scheduledJob(0),
  id,
  ...overrides,
});
