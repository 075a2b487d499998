import "server-only";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { Finding } from "@/lib/schemas/triage";
import { oldestWait, type TriageContext } from "../context";
import { buildStateKeys } from "../input";
import { listed, plural } from "../wording";

// Buildkite's build states after which no job of the build should still be waiting for an agent.
const ENDED_STATES = new Set(["passed", "failed", "canceled", "canceling", "skipped", "not_run"]);

const buildLabel = (job: ScheduledJob) =>
  `${job.pipeline.slug ?? "unknown pipeline"} #${job.build.number ?? job.build.uuid ?? "?"}`;

/** Scheduled jobs whose build has ended: no agent should run them, yet they hold a place in the queue. */
export function buildNoLongerRunning(context: TriageContext): Finding[] {
  const states = context.input.buildStates;
  if (!states || states.size === 0) return [];
  const builds = new Map<string, { label: string; state: string; jobIds: string[] }>();
  for (const job of context.input.jobs) {
    const state = buildStateKeys(job.build, job.pipeline)
      .map((key) => states.get(key))
      .find((found) => found !== undefined);
    if (state === undefined || !ENDED_STATES.has(state)) continue;
    const label = buildLabel(job);
    const build = builds.get(label) ?? { label, state, jobIds: [] };
    build.jobIds.push(job.id);
    builds.set(label, build);
  }
  if (builds.size === 0) return [];
  const list = [...builds.values()].sort((a, b) => b.jobIds.length - a.jobIds.length);
  const jobIds = list.flatMap((build) => build.jobIds);
  const wait = oldestWait(context, jobIds);
  return [
    {
      kind: "build_no_longer_running",
      severity: "warning",
      jobIds,
      count: jobIds.length,
      since: wait.since,
      maxWaitSeconds: wait.seconds,
      explanation: `${plural(jobIds.length, "job")} still ${jobIds.length === 1 ? "waits" : "wait"} for an agent although ${list.length === 1 ? "its build has" : "their builds have"} ended: ${listed(list.map((build) => `${build.label} (${build.state})`))}.`,
      suggestedAction: "Finish these jobs from the console so they stop holding places in the queue.",
      details: { builds: list },
    },
  ];
}
