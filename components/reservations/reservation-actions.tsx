"use client";

import { useId, useState, type FormEvent } from "react";
import { BulkFinishForm, emptyFinishDraft, type FinishDraft } from "@/components/jobs/bulk-finish-form";
import { errorClass, secondaryButton } from "@/components/ui/form-styles";
import { useDenied } from "@/components/ui/operator-context";
import { ExpiryInput, SelectionCount } from "@/components/jobs/selection-controls";
import { checkExpiry } from "@/lib/inputs/bulk-form";
import { RESERVATION_EXPIRY_DEFAULT_SECONDS } from "@/lib/inputs/stacks";
import { isSuccess } from "@/lib/reservation-results";
import { ReservationConfirm } from "./reservation-confirm";
import { ReservationResults } from "./reservation-results";
import { useReservationRun, type ReservationRequest, type ReservationTarget } from "./use-reservation-run";

interface ReservationActionsProps {
  selected: readonly ReservationTarget[];
  onClear: () => void;
}

interface Pending {
  targets: readonly ReservationTarget[];
  request: ReservationRequest;
}

/**
 * Extend, release or finish the picked reservations, with a confirmation first and every job's result
 * after. It stays mounted while a run's results are up: the jobs acted on leave the list (and the
 * selection) when it refreshes.
 */
export function ReservationActions({ selected, onClear }: ReservationActionsProps) {
  const expiryId = useId();
  const expiryErrorId = useId();
  const finishFormId = useId();
  const releaseHintId = useId();
  const [expiry, setExpiry] = useState(String(RESERVATION_EXPIRY_DEFAULT_SECONDS));
  const [finishOpen, setFinishOpen] = useState(false);
  const [draft, setDraft] = useState<FinishDraft>(emptyFinishDraft);
  const [pending, setPending] = useState<Pending | null>(null);
  const { state, run, dismiss } = useReservationRun();
  const denied = useDenied("jobs.write");

  const count = selected.length;
  const busy = state?.running === true;
  const expiryCheck = checkExpiry(expiry);
  const expiryError = expiryCheck.ok ? null : expiryCheck.error;
  const blocked = busy || denied !== null;

  if (count === 0 && state === null && pending === null) return null;

  const review = (request: ReservationRequest) => setPending({ targets: [...selected], request });
  const extend = (event: FormEvent) => {
    event.preventDefault();
    if (!expiryCheck.ok || count === 0 || blocked) return;
    review({ action: "extend", expirySeconds: expiryCheck.value });
  };
  const confirm = () => {
    if (!pending) return;
    setPending(null);
    if (pending.request.action === "finish") {
      setFinishOpen(false);
      setDraft(emptyFinishDraft);
    }
    void run(pending.targets, pending.request).then((rows) => {
      // Jobs that were not acted on stay picked, for another try; released and finished ones leave the list.
      if (rows.every((row) => isSuccess(row.outcome))) onClear();
    });
  };

  return (
    <div
      role="region"
      aria-label="Reservation actions"
      className="rounded-lg border border-blue-300 bg-blue-50 px-4 py-2 text-sm shadow-sm dark:border-blue-500/40 dark:bg-blue-950"
    >
      {count > 0 && (
        <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
          <SelectionCount count={count} onClear={onClear} />
          <form
            onSubmit={extend}
            noValidate
            aria-label="Extend selected reservations"
            className="flex items-center gap-2"
          >
            <ExpiryInput
              id={expiryId}
              label="New expiry (seconds)"
              value={expiry}
              onChange={setExpiry}
              errorId={expiryErrorId}
              invalid={expiryError !== null}
            />
            <button
              type="submit"
              disabled={blocked || expiryError !== null}
              title={denied ?? undefined}
              className={secondaryButton}
            >
              Extend {count}…
            </button>
          </form>
          <button
            type="button"
            onClick={() => review({ action: "release" })}
            disabled={blocked}
            title={denied ?? undefined}
            aria-describedby={releaseHintId}
            className={secondaryButton}
          >
            Release {count}…
          </button>
          <button
            type="button"
            aria-expanded={finishOpen}
            aria-controls={finishOpen ? finishFormId : undefined}
            onClick={() => setFinishOpen((open) => !open)}
            disabled={blocked}
            title={denied ?? undefined}
            className={secondaryButton}
          >
            Finish {count}…
          </button>
          <p id={expiryErrorId} className={`${errorClass} basis-full empty:hidden`}>
            {expiryError}
          </p>
          <p id={releaseHintId} className="basis-full text-xs text-zinc-600 dark:text-zinc-400">
            Release gives a job back to its queue: Buildkite has no unreserve call, so the console reserves it again for
            1 second and it is scheduled again straight after.
          </p>
          {denied && <p className="basis-full text-xs text-zinc-600 dark:text-zinc-400">{denied}</p>}
        </div>
      )}

      {finishOpen && count > 0 && (
        <BulkFinishForm
          id={finishFormId}
          count={count}
          departed={[]}
          draft={draft}
          onDraftChange={setDraft}
          onReview={(exitStatus, detail) => review({ action: "finish", exitStatus, detail })}
          onClose={() => setFinishOpen(false)}
          busy={blocked}
        />
      )}

      {pending && (
        <ReservationConfirm
          count={pending.targets.length}
          request={pending.request}
          onConfirm={confirm}
          onCancel={() => setPending(null)}
        />
      )}

      {state && <ReservationResults run={state} onDismiss={dismiss} />}
    </div>
  );
}
