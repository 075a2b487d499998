import "server-only";
import { MAX_BATCH_IDS } from "@/lib/inputs/stacks";
import { attribution, type Operator } from "../auth/operator";
import type { Runtime } from "../runtime";
import { settleAfterError } from "../store/ledger-outcome";
import { reservedJobDetails } from "./reserved-job-details";

export interface ReserveRequest {
  stackKey: string;
  jobIds: readonly string[];
  expirySeconds: number;
  /**
   * A release is a reserve with the shortest expiry: the Stacks API has no call to give a job back, and a
   * reservation that lapses at once is the closest there is. The console then stops listing the job.
   */
  release: boolean;
}

export interface ReserveOutcome {
  reserved: string[];
  notReserved: string[];
  raw: unknown[];
  /** Why the batches stopped early, once some had gone through. */
  interruption: string | null;
}

const REFUSED = "Buildkite did not reserve it (reserved elsewhere, started, finished or unknown)";

/**
 * Reserves, extends or releases jobs in Buildkite's batches of 1000, one batch after another to stay inside
 * the per-stack reserve budget (10 a second) that the production stack shares. Every job is written to the
 * ledger before the call and settled after it; the console's list of reservations follows what Buildkite
 * answered.
 */
export async function reserveInBatches(
  runtime: Runtime,
  operator: Operator,
  request: ReserveRequest,
  signal: AbortSignal,
): Promise<ReserveOutcome> {
  const { ledger } = runtime;
  const { stackKey, jobIds, expirySeconds, release } = request;
  const by = attribution(operator);
  const outcome: ReserveOutcome = { reserved: [], notReserved: [], raw: [], interruption: null };
  for (let start = 0; start < jobIds.length; start += MAX_BATCH_IDS) {
    const batch = jobIds.slice(start, start + MAX_BATCH_IDS);
    const held = await ledger.reservedJobs(stackKey, batch);
    const details = release
      ? null
      : await reservedJobDetails(
          runtime,
          stackKey,
          batch.filter((id) => !held.has(id)),
          signal,
        );
    const events = await ledger.begin(
      batch.map((jobId) => ({
        stackKey,
        jobId,
        action: release ? "release" : held.has(jobId) ? "extend" : "reserve",
        operator: by,
        detail: release ? "expiry cut to 1 s" : `${expirySeconds} s`,
      })),
    );
    try {
      const result = await runtime.stacks.reserveJobs({ stackKey, jobIds: batch, expirySeconds }, { signal });
      outcome.raw.push(result.raw);
      const won = new Set(result.data.reserved);
      const reservedAt = new Date().toISOString();
      const expiresAt = new Date(Date.now() + expirySeconds * 1000).toISOString();
      await ledger.settle(
        batch.map((jobId, i) => {
          const id = events[i]?.id ?? "";
          if (won.has(jobId)) {
            outcome.reserved.push(jobId);
            return { id, outcome: "ok" as const };
          }
          outcome.notReserved.push(jobId);
          return { id, outcome: "failed" as const, message: REFUSED };
        }),
      );
      // A held job Buildkite no longer lets this stack hold (finished, started) is not the console's any more.
      const lost = batch.filter((jobId) => held.has(jobId) && !won.has(jobId));
      await ledger.endReservations(stackKey, release ? [...batch.filter((id) => won.has(id)), ...lost] : lost);
      if (!release) {
        await ledger.recordReservations(
          batch
            .filter((jobId) => won.has(jobId))
            .map((jobId) => ({
              stackKey,
              jobId,
              reservedBy: by,
              reservedAt,
              expiresAt,
              expirySeconds,
              pipelineSlug: details?.get(jobId)?.pipelineSlug ?? null,
              buildNumber: details?.get(jobId)?.buildNumber ?? null,
              queueKey: details?.get(jobId)?.queueKey ?? null,
            })),
        );
      }
    } catch (error) {
      await settleAfterError(
        ledger,
        events.map((e) => e.id),
        error,
      );
      // With nothing done yet the whole action failed; after that, report what did happen.
      if (outcome.reserved.length === 0 && outcome.notReserved.length === 0) throw error;
      outcome.interruption = error instanceof Error ? error.message : "the reservation was interrupted";
      outcome.notReserved.push(...jobIds.slice(start));
      break;
    }
  }
  return outcome;
}
