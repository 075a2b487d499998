"use client";

import { useId, useState } from "react";
import { failure, finishOutcome, type ActionResult } from "@/lib/action-results";
import { exitStatusError, parseWholeNumber, reasonCounter, reasonError } from "@/lib/field-errors";
import { useFinishJob } from "@/lib/mutations/jobs";
import { ActionMessage, FieldError } from "@/components/ui/action-message";
import { dangerButton, inputClass } from "@/components/ui/form-styles";
import { useInFlight } from "@/components/ui/use-in-flight";
import { ActionUnavailable } from "./action-unavailable";
import { ConfirmFinishDialog } from "./confirm-finish-dialog";

interface FinishFormProps {
  stackKey: string;
  jobId: string;
  shortId: string;
  /** Why the job cannot be finished in its current state; null when it can. */
  unavailable?: string | null;
}

/** Finish fails (or completes) the job in Buildkite with a reason; checked inline, then confirmed. */
export function FinishForm({ stackKey, jobId, shortId, unavailable = null }: FinishFormProps) {
  const [exitStatus, setExitStatus] = useState("-1");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ exitStatus: string | null; reason: string | null }>({
    exitStatus: null,
    reason: null,
  });
  const [confirming, setConfirming] = useState<{ exitStatus: number; reason: string } | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const id = useId();

  const mutation = useFinishJob(stackKey);
  const flight = useInFlight();
  const confirm = (input: { exitStatus: number; reason: string }) => {
    if (!flight.begin()) return;
    mutation.mutate(
      { jobId, exitStatus: input.exitStatus, detail: input.reason },
      {
        onSuccess: (envelope) => setResult(finishOutcome(envelope.data.exitStatus)),
        onError: (err) => setResult(failure(err)),
        onSettled: () => {
          flight.settle();
          setConfirming(null);
        },
      },
    );
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const next = { exitStatus: exitStatusError(exitStatus), reason: reasonError(reason) };
    setErrors(next);
    setResult(null);
    if (next.exitStatus || next.reason) return;
    setConfirming({ exitStatus: parseWholeNumber(exitStatus), reason });
  };

  // A finish already sent is seen through, even when the job's new state arrives before the answer.
  if (unavailable && !flight.inFlight)
    return (
      <>
        <ActionUnavailable reason={unavailable} />
        <ActionMessage result={result} />
      </>
    );

  return (
    <form onSubmit={submit} noValidate>
      <div className="grid gap-3">
        <div>
          <label htmlFor={`${id}-status`} className="mb-1 block text-sm">
            Exit status
          </label>
          <input
            id={`${id}-status`}
            type="number"
            inputMode="numeric"
            value={exitStatus}
            onChange={(event) => setExitStatus(event.target.value)}
            aria-invalid={errors.exitStatus !== null}
            aria-describedby={`${id}-status-hint${errors.exitStatus ? ` ${id}-status-error` : ""}`}
            className={`${inputClass} max-w-32`}
          />
          <p id={`${id}-status-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            0 marks the job completed; anything else, failed. Default -1.
          </p>
          <FieldError id={`${id}-status-error`} message={errors.exitStatus} />
        </div>
        <div>
          <label htmlFor={`${id}-reason`} className="mb-1 block text-sm">
            Reason
          </label>
          <textarea
            id={`${id}-reason`}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            rows={3}
            required
            aria-invalid={errors.reason !== null}
            aria-describedby={`${id}-counter${errors.reason ? ` ${id}-reason-error` : ""}`}
            className={inputClass}
          />
          <p
            id={`${id}-counter`}
            className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
            data-testid="reason-counter"
          >
            {reasonCounter(reason)}
          </p>
          <FieldError id={`${id}-reason-error`} message={errors.reason} />
        </div>
      </div>
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        Your operator name is added to the reason sent to Buildkite.
      </p>
      <button type="submit" disabled={flight.inFlight} className={`${dangerButton} mt-2`}>
        Finish job…
      </button>
      <ActionMessage result={result} />
      {confirming && (
        <ConfirmFinishDialog
          shortId={shortId}
          exitStatus={confirming.exitStatus}
          reason={confirming.reason}
          pending={flight.inFlight}
          onConfirm={() => confirm(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </form>
  );
}
