import "server-only";
import type { Finding, FindingSeverity } from "@/lib/schemas/triage";
import { triageContext, type TriageContext } from "./context";
import { allMatchingAgentsBusy } from "./findings/all-matching-agents-busy";
import { buildNoLongerRunning } from "./findings/build-no-longer-running";
import { dispatchPaused } from "./findings/dispatch-paused";
import { noMatchingAgent } from "./findings/no-matching-agent";
import { priorityStarvation } from "./findings/priority-starvation";
import { reservationExpired } from "./findings/reservation-expired";
import { waitingOverSlo } from "./findings/waiting-over-slo";
import type { TriageInput } from "./input";

// Why jobs wait (issue 15): pure, no I/O, so it runs on the shared queue snapshot without another upstream
// call. Each kind lives in findings/; this module runs them all and ranks what they found.

const kinds: ((context: TriageContext) => Finding[])[] = [
  dispatchPaused,
  noMatchingAgent,
  allMatchingAgentsBusy,
  priorityStarvation,
  buildNoLongerRunning,
  reservationExpired,
  waitingOverSlo,
];

const severityRank: Record<FindingSeverity, number> = { critical: 0, warning: 1, info: 2 };

/** Most severe first; within a severity, the most waiting (jobs × longest wait) first. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const impact = (finding: Finding) => finding.count * finding.maxWaitSeconds;
  return [...findings].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      impact(b) - impact(a) ||
      b.count - a.count ||
      a.kind.localeCompare(b.kind),
  );
}

export function computeFindings(input: TriageInput): Finding[] {
  const context = triageContext(input);
  return rankFindings(kinds.flatMap((kind) => kind(context)));
}
