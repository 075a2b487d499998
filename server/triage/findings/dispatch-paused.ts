import "server-only";
import { userLabel } from "@/lib/schemas/buildkite-user";
import type { Finding } from "@/lib/schemas/triage";
import { oldestWait, type TriageContext } from "../context";
import { age, plural } from "../wording";

/** A paused queue dispatches nothing, whatever else holds: every waiting job waits on it. */
export function dispatchPaused(context: TriageContext): Finding[] {
  const { queue, jobs } = context.input;
  if (!queue.dispatchPaused) return [];
  const pause = queue.pause;
  const pausedAt = pause?.at ? Date.parse(pause.at) : NaN;
  const pausedSeconds = Number.isFinite(pausedAt) ? Math.max(0, (context.now - pausedAt) / 1000) : null;
  const jobIds = jobs.map((job) => job.id);
  const who = pause?.by ? ` by ${userLabel(pause.by)}` : "";
  const when = pausedSeconds === null ? "" : ` ${age(pausedSeconds)} ago`;
  const note = pause?.note ? ` (note: "${pause.note}")` : "";
  return [
    {
      kind: "dispatch_paused",
      severity: "critical",
      jobIds,
      count: jobIds.length,
      since: Number.isFinite(pausedAt) ? new Date(pausedAt).toISOString() : null,
      maxWaitSeconds: oldestWait(context, jobIds).seconds,
      explanation: `Dispatch on queue ${queue.key} was paused${who}${when}${note}, so none of its ${plural(jobIds.length, "scheduled job")} will start.`,
      suggestedAction: `Resume dispatch on queue ${queue.key} once the reason for the pause is resolved, or ask ${pause?.by ? userLabel(pause.by) : "whoever paused it"} first.`,
      details: {
        queueKey: queue.key,
        by: pause?.by ?? null,
        at: pause?.at ?? null,
        note: pause?.note ?? null,
        pausedSeconds,
      },
    },
  ];
}
