import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { TriageAgent, TriageInput } from "@/server/triage/input";

// Builders for triage inputs: a fixed clock and a job or agent from the few fields a test cares about.

export const NOW = Date.parse("2026-12-07T12:00:00.000Z");
export const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

export function job(id: string, overrides: Partial<ScheduledJob> & { waitedMinutes?: number } = {}): ScheduledJob {
  const { waitedMinutes = 1, ...rest } = overrides;
  return {
    id,
    priority: 0,
    agentQueryRules: [],
    scheduledAt: minutesAgo(waitedMinutes),
    runnableAt: null,
    pipeline: { slug: "app", uuid: null },
    build: { uuid: `build-${id}`, number: 1, branch: "main" },
    step: { key: null },
    ...rest,
  };
}

export function agent(name: string, tags: string[], overrides: Partial<TriageAgent> = {}): TriageAgent {
  return { id: `id-${name}`, name, connected: true, busy: false, tags, ...overrides };
}

export function input(overrides: Partial<TriageInput> = {}): TriageInput {
  return {
    now: NOW,
    jobs: [],
    queue: { key: "default", dispatchPaused: false, pause: null },
    agents: [],
    ...overrides,
  };
}
