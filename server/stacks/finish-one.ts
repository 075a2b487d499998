import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import { attribution, type Operator } from "../auth/operator";
import type { Runtime } from "../runtime";
import { settleAfterError } from "../store/ledger-outcome";

export interface FinishRequest {
  stackKey: string;
  jobId: string;
  exitStatus: number;
  reason: string;
}

/**
 * Finishes one job and records it. The operator leads the detail so Buildkite's cropping of long text can
 * never cut them off. Finish works at most once, so Buildkite refuses a second one; two cases of that are
 * this operator's own finish taking effect, and are answered as success once the job's state confirms it:
 * an earlier attempt of ours got through before its answer was lost, or the operator already asked (a
 * double-click sends two requests a millisecond apart, and the first one wins).
 */
export async function finishOne(
  runtime: Runtime,
  operator: Operator,
  request: FinishRequest,
  signal: AbortSignal,
): Promise<{ confirmedByState: boolean }> {
  const { stackKey, jobId, exitStatus, reason } = request;
  const by = attribution(operator);
  const [event] = await runtime.ledger.begin([
    { stackKey, jobId, action: "finish", operator: by, detail: `exit ${exitStatus}: ${reason}` },
  ]);
  const eventId = event?.id ?? "";
  const detail = `Finished by ${by} via Stack Console: ${reason}`;
  try {
    await runtime.stacks.finishJob({ stackKey, jobId, exitStatus, detail }, { signal });
    await runtime.ledger.settle([{ id: eventId, outcome: "ok" }]);
    await runtime.ledger.endReservation(stackKey, jobId);
    return { confirmedByState: false };
  } catch (error) {
    const refused = error instanceof BuildkiteError && error.status !== null && error.status < 500;
    const why = !refused
      ? null
      : error.attempts > 1
        ? "confirmed by the job's state after a lost answer"
        : (await alreadyAskedBy(runtime, stackKey, jobId, by, eventId))
          ? "already finished by this operator's earlier request"
          : null;
    if (why !== null) {
      const states = await runtime.stacks.getJobStates({ stackKey, jobIds: [jobId] }, { signal });
      if (states.data.states[jobId] === "finished") {
        await runtime.ledger.settle([{ id: eventId, outcome: "ok", message: why }]);
        await runtime.ledger.endReservation(stackKey, jobId);
        return { confirmedByState: true };
      }
    }
    await settleAfterError(runtime.ledger, [eventId], error);
    throw error;
  }
}

/** Whether `by` asked to finish the job before this request (and that request did not fail). */
async function alreadyAskedBy(
  runtime: Runtime,
  stackKey: string,
  jobId: string,
  by: string,
  thisEventId: string,
): Promise<boolean> {
  const events = await runtime.ledger.history(stackKey, jobId);
  return events.some(
    (event) =>
      event.id !== thisEventId && event.action === "finish" && event.operator === by && event.outcome !== "failed",
  );
}
