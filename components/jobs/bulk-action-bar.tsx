"use client";

import { useCallback, useId, useLayoutEffect, useRef, useState, type FormEvent } from "react";
import type { ReviewJob } from "@/lib/bulk-finish-review";
import { checkExpiry } from "@/lib/inputs/bulk-form";
import { RESERVATION_EXPIRY_DEFAULT_SECONDS } from "@/lib/inputs/stacks";
import { BulkConfirmDialog } from "./bulk-confirm-dialog";
import { BulkFinishForm, emptyFinishDraft, type FinishDraft } from "./bulk-finish-form";
import { BulkResultsPanel } from "./bulk-results-panel";
import { useBulkRun } from "./bulk-run";
import { useDepartedJobs, type QueuedJobPipeline } from "./use-departed-jobs";
import { errorClass, secondaryButton } from "@/components/ui/form-styles";
import { useDenied } from "@/components/ui/operator-context";
import { ExpiryInput, SelectionCount } from "./selection-controls";

interface BulkActionBarProps {
  stackKey: string;
  queueKey: string;
  selectedIds: readonly string[];
  /** The queue's jobs: each selected job's pipeline, and whether a job gone from the selection left the queue. */
  jobsById: ReadonlyMap<string, QueuedJobPipeline>;
  onClear: () => void;
}

interface PendingFinish {
  jobs: readonly ReviewJob[];
  exitStatus: number;
  reason: string;
  /** Confirmed: the dialog stays, busy, until the run ends. */
  confirmed: boolean;
}

/**
 * Reserve or finish every selected job in one BFF call, with per-job results. All of its state lives here
 * and the page keeps it mounted, so a refresh that changes the rows never resets a field, closes the
 * confirmation or drops the results of a run.
 */
export function BulkActionBar({ stackKey, queueKey, selectedIds, jobsById, onClear }: BulkActionBarProps) {
  const expiryId = useId();
  const expiryErrorId = useId();
  const finishFormId = useId();
  const [expiry, setExpiry] = useState(String(RESERVATION_EXPIRY_DEFAULT_SECONDS));
  const [finishOpen, setFinishOpen] = useState(false);
  const [draft, setDraft] = useState<FinishDraft>(emptyFinishDraft);
  const [pending, setPending] = useState<PendingFinish | null>(null);
  // Set on the first Confirm click, before React has re-rendered the button disabled: a second click in
  // the same frame must not start a second run.
  const finishStartedRef = useRef(false);
  // A run that took every job it was given clears the selection, unless the operator has meanwhile
  // selected other jobs: those are theirs to keep.
  const selectedRef = useRef(selectedIds);
  useLayoutEffect(() => {
    selectedRef.current = selectedIds;
  }, [selectedIds]);
  const clearIfActedOn = useCallback(
    (jobIds: readonly string[]) => {
      const actedOn = new Set(jobIds);
      if (selectedRef.current.every((id) => actedOn.has(id))) onClear();
    },
    [onClear],
  );
  const run = useBulkRun(stackKey, clearIfActedOn);
  const denied = useDenied("jobs.write");

  const count = selectedIds.length;
  const busy = run.state?.running === true;
  const departed = useDepartedJobs(finishOpen, selectedIds, jobsById);
  // Jobs leaving the queue do not take the form (and the reason typed) with them: it stays to say so.
  const formShown = finishOpen && (count > 0 || departed.length > 0);
  const expiryCheck = checkExpiry(expiry);
  const expiryError = expiryCheck.ok ? null : expiryCheck.error;

  if (count === 0 && run.state === null && pending === null && !formShown) return null;

  const reserve = (event: FormEvent) => {
    event.preventDefault();
    if (!expiryCheck.ok || count === 0 || busy || denied) return;
    void run.reserve([...selectedIds], expiryCheck.value);
  };

  const clear = () => {
    setFinishOpen(false);
    onClear();
  };

  const review = (exitStatus: number, reason: string) =>
    setPending({
      jobs: selectedIds.map((id) => ({ id, pipeline: jobsById.get(id)?.pipeline.slug ?? null })),
      exitStatus,
      reason,
      confirmed: false,
    });

  const confirmFinish = () => {
    if (!pending || pending.confirmed || finishStartedRef.current) return;
    finishStartedRef.current = true;
    setPending({ ...pending, confirmed: true });
    setFinishOpen(false);
    void run
      .finish(
        pending.jobs.map((job) => job.id),
        pending.exitStatus,
        pending.reason,
      )
      .finally(() => {
        finishStartedRef.current = false;
        setPending(null);
      });
  };
  // A confirmed dialog closes in the render where the run ends, so the results can take the focus.
  const dialogShown = pending !== null && (!pending.confirmed || busy);

  return (
    <div
      role="region"
      aria-label="Bulk actions"
      className="w-full max-w-3xl rounded-lg border border-blue-300 bg-blue-50 px-4 py-2 text-sm shadow-sm dark:border-blue-500/40 dark:bg-blue-950"
    >
      {count > 0 && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <SelectionCount count={count} onClear={clear} />
          <form
            onSubmit={reserve}
            noValidate
            aria-label="Reserve selected jobs"
            className="ml-auto flex items-center gap-2"
          >
            <ExpiryInput
              id={expiryId}
              label="Expiry (seconds)"
              value={expiry}
              onChange={setExpiry}
              errorId={expiryErrorId}
              invalid={expiryError !== null}
            />
            <button
              type="submit"
              disabled={busy || expiryError !== null || denied !== null}
              title={denied ?? undefined}
              className={secondaryButton}
            >
              Reserve {count}
            </button>
          </form>
          <button
            type="button"
            aria-expanded={finishOpen}
            aria-controls={finishOpen ? finishFormId : undefined}
            onClick={() => setFinishOpen((open) => !open)}
            disabled={busy || denied !== null}
            title={denied ?? undefined}
            className={secondaryButton}
          >
            Finish {count}…
          </button>
          <p id={expiryErrorId} className={`${errorClass} basis-full text-right empty:hidden`}>
            {expiryError}
          </p>
          {denied && <p className="basis-full text-right text-xs text-zinc-600 dark:text-zinc-400">{denied}</p>}
        </div>
      )}

      {formShown && (
        <BulkFinishForm
          id={finishFormId}
          count={count}
          departed={departed}
          draft={draft}
          onDraftChange={setDraft}
          onReview={review}
          onClose={() => setFinishOpen(false)}
          busy={busy}
        />
      )}

      {pending && dialogShown && (
        <BulkConfirmDialog
          jobs={pending.jobs}
          queueKey={queueKey}
          exitStatus={pending.exitStatus}
          reason={pending.reason}
          busy={pending.confirmed}
          onConfirm={confirmFinish}
          onCancel={() => setPending(null)}
        />
      )}

      {run.state && <BulkResultsPanel run={run.state} onDismiss={run.dismiss} />}
    </div>
  );
}
