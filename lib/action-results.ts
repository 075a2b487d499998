import { ApiError } from "./api/api-error";
import type { ReserveResult } from "./schemas/jobs";
import { countdown } from "./countdown";

// What the drawer tells the operator after an action: one sentence, success or failure, with the BFF's own
// error message so "validation_error" from the console is told apart from Buildkite refusing.

export interface ActionResult {
  ok: boolean;
  message: string;
}

export function failure(error: unknown): ActionResult {
  if (error instanceof ApiError) {
    const from = error.error.details.source === "buildkite" ? " from Buildkite" : "";
    return { ok: false, message: `Failed (${error.error.type}${from}): ${error.message}` };
  }
  return { ok: false, message: error instanceof Error ? error.message : "The action failed for an unknown reason." };
}

export function reserveOutcome(result: ReserveResult, jobId: string, extending: boolean, now: number): ActionResult {
  if (!result.reserved.includes(jobId)) {
    return {
      ok: false,
      message: extending
        ? "Buildkite did not extend the reservation: the job is no longer held by this stack (started, finished or taken)."
        : "Buildkite did not reserve the job: it is already reserved elsewhere, started or finished.",
    };
  }
  const left = countdown(result.expiresAt, now).label;
  return {
    ok: true,
    message: extending
      ? `Reservation extended: expires in ${left}.`
      : `Reserved for ${left}: agents will not pick it up until then.`,
  };
}

export function finishOutcome(exitStatus: number): ActionResult {
  return { ok: true, message: `Finished with exit status ${exitStatus}${exitStatus === 0 ? " (completed)" : ""}.` };
}

export function notifyOutcome(result: { sent: number; errors: { error: string }[] }): ActionResult {
  if (result.sent > 0) return { ok: true, message: "Notification sent." };
  return {
    ok: false,
    message: `Buildkite did not store the notification: ${result.errors[0]?.error ?? "no reason given"}.`,
  };
}
