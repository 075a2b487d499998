"use client";

import { useEffect, useId, useRef } from "react";
import { buttonClass, dangerButtonClass } from "./bulk-styles";

interface BulkConfirmDialogProps {
  count: number;
  queueKey: string;
  exitStatus: number;
  reason: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last stop before finishing many jobs. A modal <dialog>: it traps focus, and it stays open through
 * refreshes because only the operator's Confirm or Cancel (or Esc) closes it. Cancel has the focus, so a
 * stray Enter does not finish anything.
 */
export function BulkConfirmDialog({ count, queueKey, exitStatus, reason, onConfirm, onCancel }: BulkConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const noun = count === 1 ? "job" : "jobs";
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onKeyDown={(event) => {
        // Esc belongs to the dialog: the page's own Esc (close the drawer) must not act behind it.
        if (event.key === "Escape") {
          event.preventDefault();
          onCancel();
        }
      }}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-zinc-950/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        Finish {count} {noun}?
      </h2>
      <div id={bodyId} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
        <p>
          Buildkite will mark {count === 1 ? "this job" : `these ${count} jobs`} in queue <span className="font-mono">{queueKey}</span> finished with exit
          status <span className="font-mono">{exitStatus}</span>. This cannot be undone.
        </p>
        <blockquote className="max-h-32 overflow-auto rounded border-l-4 border-zinc-300 bg-zinc-50 px-3 py-2 whitespace-pre-wrap break-words dark:border-zinc-600 dark:bg-zinc-800">
          {reason}
        </blockquote>
      </div>
      <div className="mt-4 flex justify-end gap-2">
        <button type="button" autoFocus onClick={onCancel} className={buttonClass}>
          Cancel
        </button>
        <button type="button" onClick={onConfirm} className={dangerButtonClass}>
          Confirm
        </button>
      </div>
    </dialog>
  );
}
