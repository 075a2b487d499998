import "server-only";
import type { Finding } from "@/lib/schemas/triage";
import { oldestWait, waitSeconds, type TriageContext } from "../context";
import { age, plural, waited } from "../wording";

/** Every job past the wait SLO, whatever the cause: the other findings say why, this one says how many. */
export function waitingOverSlo(context: TriageContext): Finding[] {
  const jobIds = context.input.jobs.map((job) => job.id).filter((id) => waitSeconds(context, id) > context.sloSeconds);
  if (jobIds.length === 0) return [];
  const wait = oldestWait(context, jobIds);
  const oldestJobId = jobIds.reduce((a, b) => (waitSeconds(context, b) > waitSeconds(context, a) ? b : a));
  const queue = context.input.queue.key;
  return [
    {
      kind: "waiting_over_slo",
      severity: "warning",
      jobIds,
      count: jobIds.length,
      since: wait.since,
      maxWaitSeconds: wait.seconds,
      explanation: `${plural(jobIds.length, "job")} in queue ${queue} ${waited(jobIds.length)} longer than the ${age(context.sloSeconds)} wait SLO, the oldest (${oldestJobId}) for ${age(wait.seconds)}.`,
      suggestedAction: `See the other findings for the cause; if there is none, add agents to queue ${queue}.`,
      details: { sloSeconds: context.sloSeconds, oldestJobId },
    },
  ];
}
