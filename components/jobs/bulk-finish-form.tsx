"use client";

import { useId, useRef, type FormEvent } from "react";
import { departureNotice, type ReviewJob } from "@/lib/bulk-finish-review";
import { checkExitStatus, checkReason, reasonByteCount } from "@/lib/inputs/bulk-form";
import { dangerButton, errorClass, fieldClass, inputClass, secondaryButton } from "@/components/ui/form-styles";

export interface FinishDraft {
  exitStatus: string;
  reason: string;
  /** Errors show once the operator has typed in a field or tried to submit, not on an untouched form. */
  reasonTouched: boolean;
  attempted: boolean;
}

export const emptyFinishDraft: FinishDraft = { exitStatus: "-1", reason: "", reasonTouched: false, attempted: false };

interface BulkFinishFormProps {
  id: string;
  /** The selected jobs still in the queue: the ones a finish will act on. */
  count: number;
  /** Selected jobs that left the queue while the form was open. */
  departed: readonly ReviewJob[];
  draft: FinishDraft;
  onDraftChange: (draft: FinishDraft) => void;
  /** Called only with valid input; nothing is sent until the operator confirms. */
  onReview: (exitStatus: number, reason: string) => void;
  onClose: () => void;
  busy: boolean;
}

/** Exit status and the one reason every selected job is finished with, checked before anything is sent. */
export function BulkFinishForm({
  id,
  count,
  departed,
  draft,
  onDraftChange,
  onReview,
  onClose,
  busy,
}: BulkFinishFormProps) {
  const exitId = useId();
  const reasonId = useId();
  const exitErrorId = useId();
  const reasonErrorId = useId();
  const counterId = useId();
  const exitRef = useRef<HTMLInputElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);

  const exit = checkExitStatus(draft.exitStatus);
  const reason = checkReason(draft.reason);
  const counter = reasonByteCount(draft.reason);
  const exitError = !exit.ok ? exit.error : null;
  const reasonError = !reason.ok && (draft.reasonTouched || draft.attempted) ? reason.error : null;
  const notice = departureNotice(departed, count);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!exit.ok || !reason.ok) {
      onDraftChange({ ...draft, attempted: true });
      (exit.ok ? reasonRef : exitRef).current?.focus();
      return;
    }
    onReview(exit.value, reason.value);
  };

  return (
    <form
      id={id}
      onSubmit={submit}
      noValidate
      aria-label="Finish selected jobs"
      className="mt-3 space-y-3 border-t border-blue-200 pt-3 dark:border-blue-500/30"
    >
      {/* Always there, so a screen reader announces the notice when jobs leave the queue under the form. */}
      <div role="status" className="empty:mb-0">
        {notice && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/50 dark:bg-amber-500/10 dark:text-amber-200">
            {notice}{" "}
            {count > 0
              ? `Only the remaining ${count} will be finished.`
              : "Nothing is left to finish: close the form, or select other jobs; the reason stays."}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-start gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={exitId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Exit status
          </label>
          <input
            id={exitId}
            ref={exitRef}
            type="text"
            inputMode="numeric"
            value={draft.exitStatus}
            onChange={(event) => onDraftChange({ ...draft, exitStatus: event.target.value })}
            aria-invalid={exitError !== null}
            aria-describedby={exitError ? exitErrorId : undefined}
            className={`${fieldClass} w-24 tabular-nums`}
          />
          {exitError && (
            <p id={exitErrorId} className={errorClass}>
              {exitError}
            </p>
          )}
        </div>
        <p className="max-w-xs pt-5 text-xs text-zinc-600 dark:text-zinc-400">
          -1 marks the jobs failed; 0 marks them completed. Buildkite records the reason with your name.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <div className="flex items-baseline justify-between gap-3">
          <label htmlFor={reasonId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Reason
          </label>
          <span
            id={counterId}
            className={`text-xs tabular-nums ${counter.over ? "font-semibold text-red-700 dark:text-red-400" : "text-zinc-600 dark:text-zinc-400"}`}
          >
            {counter.label}
          </span>
        </div>
        <textarea
          id={reasonId}
          ref={reasonRef}
          rows={3}
          value={draft.reason}
          onChange={(event) => onDraftChange({ ...draft, reason: event.target.value, reasonTouched: true })}
          aria-invalid={reasonError !== null}
          aria-describedby={reasonError ? `${reasonErrorId} ${counterId}` : counterId}
          placeholder="Why these jobs are being finished"
          className={`${inputClass} resize-y`}
        />
        {reasonError && (
          <p id={reasonErrorId} className={errorClass}>
            {reasonError}
          </p>
        )}
      </div>
      <div className="flex gap-2">
        <button type="submit" disabled={busy || count === 0} className={dangerButton}>
          Finish {count} {count === 1 ? "job" : "jobs"}…
        </button>
        <button type="button" onClick={onClose} className={secondaryButton}>
          Close
        </button>
      </div>
    </form>
  );
}
