import type { BulkFinishOutcome, ReserveResult } from "./schemas/jobs";

// The per-job outcome of a bulk action as the operator reads it: one row per job they acted on, with the
// reason for every job the action did not take, and the counts for the summary line.

export type BulkOutcome = "reserved" | "not reserved" | "finished" | "failed" | "unknown";

export interface BulkResultRow {
  jobId: string;
  outcome: BulkOutcome;
  reason: string | null;
}

export type BulkCounts = Record<BulkOutcome, number>;

export const NOT_RESERVED_REASON =
  "Buildkite did not reserve it: reserved elsewhere, already started or finished, or unknown";
export const NO_ANSWER_REASON = "No answer before the connection ended: check the job's state before acting again";
const MISSING_FROM_RESERVE_REASON = "The console's answer did not mention this job";

const failures: ReadonlySet<BulkOutcome> = new Set(["not reserved", "failed", "unknown"]);
export const isFailure = (outcome: BulkOutcome) => failures.has(outcome);

/** One row per requested job, in the order asked for, from the BFF's answer to a bulk reserve. */
export function reserveRows(
  jobIds: readonly string[],
  result: Pick<ReserveResult, "reserved" | "notReserved">,
): BulkResultRow[] {
  const reserved = new Set(result.reserved);
  const notReserved = new Set(result.notReserved);
  return jobIds.map((jobId) => {
    if (reserved.has(jobId)) return { jobId, outcome: "reserved", reason: null };
    if (notReserved.has(jobId)) return { jobId, outcome: "not reserved", reason: NOT_RESERVED_REASON };
    return { jobId, outcome: "unknown", reason: MISSING_FROM_RESERVE_REASON };
  });
}

/**
 * Rows for a bulk finish so far: the outcomes that have arrived, in arrival order. Once the run is over
 * (`settled`), every requested job without an outcome is "unknown": the stream broke before its answer,
 * and the job may or may not have been finished.
 */
export function finishRows(
  jobIds: readonly string[],
  outcomes: readonly BulkFinishOutcome[],
  settled: boolean,
): BulkResultRow[] {
  const rows: BulkResultRow[] = outcomes.map((o) =>
    o.outcome === "finished"
      ? { jobId: o.jobId, outcome: "finished", reason: null }
      : { jobId: o.jobId, outcome: "failed", reason: o.error ?? "failed" },
  );
  if (!settled) return rows;
  const answered = new Set(outcomes.map((o) => o.jobId));
  for (const jobId of jobIds)
    if (!answered.has(jobId)) rows.push({ jobId, outcome: "unknown", reason: NO_ANSWER_REASON });
  return rows;
}

export function countOutcomes(rows: readonly BulkResultRow[]): BulkCounts {
  const counts: BulkCounts = { reserved: 0, "not reserved": 0, finished: 0, failed: 0, unknown: 0 };
  for (const row of rows) counts[row.outcome] += 1;
  return counts;
}

/** "35 finished, 2 failed": the non-zero counts, successes first. */
export function summarize(counts: BulkCounts): string {
  const order: BulkOutcome[] = ["reserved", "finished", "not reserved", "failed", "unknown"];
  const parts = order.filter((outcome) => counts[outcome] > 0).map((outcome) => `${counts[outcome]} ${outcome}`);
  return parts.length > 0 ? parts.join(", ") : "no results";
}

/** The jobs that need the operator's attention first; within each group the original order is kept. */
export function failuresFirst(rows: readonly BulkResultRow[]): BulkResultRow[] {
  return [...rows.filter((row) => isFailure(row.outcome)), ...rows.filter((row) => !isFailure(row.outcome))];
}
