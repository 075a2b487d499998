import type { BulkFinishOutcome, ReleaseResult, ReserveResult } from "./schemas/jobs";

// What each action on the reservations page did to each job, in the words the operator reads: one row per
// job acted on, whether it took, and what that means for the job now.

export type ReservationAction = "extend" | "release" | "finish";
export type ReservationOutcome = "extended" | "released" | "finished" | "refused" | "failed";

export interface ReservationResultRow {
  stackKey: string;
  jobId: string;
  outcome: ReservationOutcome;
  message: string;
}

export const NOT_EXTENDED_MESSAGE =
  "Buildkite would not extend it: this stack no longer holds it (finished, started, or reserved elsewhere)";
export const RELEASED_MESSAGE = "released: scheduled again within a second, for any agent to take";
export const NOT_RELEASED_MESSAGE =
  "not released: this stack no longer holds it (finished, started or expired); the console has let it go";
const UNANSWERED_MESSAGE = "the console's answer did not mention this job";

const clockTime = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

export function extendRows(stackKey: string, jobIds: readonly string[], result: ReserveResult): ReservationResultRow[] {
  const reserved = new Set(result.reserved);
  const refused = new Set(result.notReserved);
  return jobIds.map((jobId) =>
    reserved.has(jobId)
      ? { stackKey, jobId, outcome: "extended", message: `reserved until ${clockTime(result.expiresAt)}` }
      : refused.has(jobId)
        ? { stackKey, jobId, outcome: "refused", message: NOT_EXTENDED_MESSAGE }
        : { stackKey, jobId, outcome: "failed", message: UNANSWERED_MESSAGE },
  );
}

export function releaseRows(
  stackKey: string,
  jobIds: readonly string[],
  result: ReleaseResult,
): ReservationResultRow[] {
  const released = new Set(result.released);
  const refused = new Set(result.notReleased);
  return jobIds.map((jobId) =>
    released.has(jobId)
      ? { stackKey, jobId, outcome: "released", message: RELEASED_MESSAGE }
      : refused.has(jobId)
        ? { stackKey, jobId, outcome: "refused", message: NOT_RELEASED_MESSAGE }
        : { stackKey, jobId, outcome: "failed", message: UNANSWERED_MESSAGE },
  );
}

/** Buildkite finishes a job once; its refusal of a second finish reads better as what it means. */
const finishFailure = (error: string | null) =>
  error !== null && /already (been )?finished/i.test(error) ? "already finished" : (error ?? "failed");

export function finishedRows(stackKey: string, outcomes: readonly BulkFinishOutcome[]): ReservationResultRow[] {
  return outcomes.map(({ jobId, outcome, error }) =>
    outcome === "finished"
      ? { stackKey, jobId, outcome: "finished", message: "finished" }
      : { stackKey, jobId, outcome: "refused", message: finishFailure(error) },
  );
}

/** The whole request for a stack failed (refused by the console, or no answer): every job of it did too. */
export function failedRows(stackKey: string, jobIds: readonly string[], message: string): ReservationResultRow[] {
  return jobIds.map((jobId) => ({ stackKey, jobId, outcome: "failed", message }));
}

export const isSuccess = (outcome: ReservationOutcome) =>
  outcome === "extended" || outcome === "released" || outcome === "finished";
