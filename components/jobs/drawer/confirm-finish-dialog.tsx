"use client";

import { useEffect, useId, useRef } from "react";
import { dangerButton, secondaryButton } from "./action-message";

interface ConfirmFinishDialogProps {
  shortId: string;
  exitStatus: number;
  reason: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last stop before failing someone's build. It lives in the drawer's own state, so a live refresh
 * re-renders around it without closing it. Esc cancels here and goes no further (the page would close the
 * drawer otherwise).
 */
export function ConfirmFinishDialog({ shortId, exitStatus, reason, pending, onConfirm, onCancel }: ConfirmFinishDialogProps) {
  const titleId = useId();
  const bodyId = useId();
  const cancelRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  // Cancel takes focus, so a stray Enter cannot finish the job.
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <div className="fixed inset-0 z-40 flex items-center justify-center bg-zinc-900/40 p-4 dark:bg-black/60">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        onKeyDown={(event) => {
          if (event.key === "Tab") {
            // Two buttons: Tab keeps focus between them rather than wandering behind the dialog.
            event.preventDefault();
            (document.activeElement === cancelRef.current ? confirmRef : cancelRef).current?.focus();
            return;
          }
          if (event.key !== "Escape") return;
          event.preventDefault();
          if (!pending) onCancel();
        }}
        className="w-full max-w-sm rounded-lg border border-zinc-200 bg-white p-5 shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
      >
        <h3 id={titleId} className="text-lg font-semibold">
          Finish job <span className="font-mono">{shortId}</span>?
        </h3>
        <div id={bodyId} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
          <p>
            Buildkite will mark it finished with exit status <span className="font-mono font-semibold">{exitStatus}</span>
            {exitStatus === 0 ? " (completed)" : " (failed)"}. This cannot be undone.
          </p>
          <p>Your operator name is attached to the reason Buildkite shows: “Finished by &lt;you&gt; via Stack Console: …”.</p>
          <p className="max-h-24 overflow-auto rounded bg-zinc-100 p-2 break-words whitespace-pre-wrap dark:bg-zinc-800">{reason}</p>
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <button ref={cancelRef} type="button" onClick={onCancel} disabled={pending} className={secondaryButton}>
            Cancel
          </button>
          <button ref={confirmRef} type="button" onClick={onConfirm} disabled={pending} className={dangerButton}>
            {pending ? "Finishing…" : "Confirm"}
          </button>
        </div>
      </div>
    </div>
  );
}
