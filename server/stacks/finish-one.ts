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
 * never cut them off. Finish works at most once: if an earlier attempt of ours got through before its
 * answer was lost, the retry is refused, and the job's state then tells whether it is in fact finished.
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
    if (error instanceof BuildkiteError && error.attempts > 1 && error.status !== null && error.status < 500) {
      const states = await runtime.stacks.getJobStates({ stackKey, jobIds: [jobId] }, { signal });
      if (states.data.states[jobId] === "finished") {
        await runtime.ledger.settle([
          { id: eventId, outcome: "ok", message: "confirmed by the job's state after a lost answer" },
        ]);
        await runtime.ledger.endReservation(stackKey, jobId);
        return { confirmedByState: true };
      }
    }
    await settleAfterError(runtime.ledger, [eventId], error);
    throw error;
  }
}
