"use client";

import { useState, type FormEvent } from "react";
import { errorText } from "@/lib/api/api-error";
import { useSetDispatch } from "@/lib/mutations/queue";
import { PAUSE_NOTE_MAX_CHARS } from "@/lib/inputs/stacks";
import { ActionMessage, FieldError } from "@/components/ui/action-message";
import { useDenied } from "@/components/ui/operator-context";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { dangerButton, inputClass, labelClass, secondaryButton } from "@/components/ui/form-styles";
import { ResumeDispatch } from "./resume-dispatch";

/**
 * Pause or resume dispatch of the watched queue. Pausing stops every agent of the cluster taking the
 * queue's jobs, so it asks why (the note Buildkite shows everyone) and for a confirmation.
 */
export function DispatchControl({
  stackKey,
  queueKey,
  paused,
}: {
  stackKey: string;
  queueKey: string;
  paused: boolean;
}) {
  // Only admins may stop or start a whole queue; the server refuses anyone else either way.
  const denied = useDenied("stacks.admin");
  return (
    <div className="space-y-2">
      {paused ? (
        <ResumeDispatch stackKey={stackKey} queueKey={queueKey} />
      ) : (
        <PauseDispatch stackKey={stackKey} queueKey={queueKey} denied={denied} />
      )}
      {denied && <p className="text-sm text-zinc-600 dark:text-zinc-400">{denied}</p>}
    </div>
  );
}

function PauseDispatch({ stackKey, queueKey, denied }: { stackKey: string; queueKey: string; denied: string | null }) {
  const [note, setNote] = useState("");
  const [noteError, setNoteError] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const mutation = useSetDispatch(stackKey, queueKey);
  const confirm = () =>
    mutation.mutate(
      { paused: true, note: note.trim() },
      {
        onSuccess: () => {
          setNote("");
          setWriting(false);
        },
        onSettled: () => setConfirming(false),
      },
    );

  function ask(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = note.trim();
    if (trimmed === "") return setNoteError("Say why dispatch is paused: everyone sees this note.");
    if (trimmed.length > PAUSE_NOTE_MAX_CHARS)
      return setNoteError(`The note must be at most ${PAUSE_NOTE_MAX_CHARS} characters.`);
    setNoteError(null);
    mutation.reset();
    setConfirming(true);
  }

  const failure = errorText(mutation.error);
  return (
    <>
      {writing ? (
        <form onSubmit={ask} noValidate className="flex flex-wrap items-end gap-3">
          <div className="min-w-72 flex-1">
            <label htmlFor="pause-note" className={labelClass}>
              Why pause dispatch of <span className="font-mono">{queueKey}</span>?
            </label>
            <input
              id="pause-note"
              value={note}
              onChange={(event) => setNote(event.target.value)}
              maxLength={PAUSE_NOTE_MAX_CHARS + 50}
              aria-invalid={noteError ? true : undefined}
              aria-describedby={noteError ? "pause-note-error" : undefined}
              className={`mt-1 ${inputClass}`}
            />
            <FieldError id="pause-note-error" message={noteError} />
          </div>
          <button type="submit" className={dangerButton}>
            Pause dispatch
          </button>
          <button type="button" className={secondaryButton} onClick={() => (setWriting(false), setNoteError(null))}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className={secondaryButton}
          disabled={denied !== null}
          title={denied ?? undefined}
          onClick={() => setWriting(true)}
        >
          Pause dispatch…
        </button>
      )}
      <ActionMessage result={failure ? { ok: false, message: `Could not pause dispatch — ${failure}` } : null} />
      <ConfirmDialog
        open={confirming}
        title="Pause dispatch?"
        busy={mutation.isPending}
        busyLabel="Pausing…"
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          No agent takes jobs from queue <span className="font-mono">{queueKey}</span> until someone resumes it. Running
          jobs carry on.
        </p>
        <p>Note: “{note.trim()}”</p>
      </ConfirmDialog>
    </>
  );
}
