"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { dangerButton, secondaryButton } from "./form-styles";

/**
 * A modal confirmation on the native <dialog>: it traps focus, makes the page behind it inert and closes
 * on Esc (reported as Cancel). Cancel takes the initial focus so a stray Enter cannot confirm.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-6 text-zinc-900 shadow-xl backdrop:bg-black/50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {open && (
        <>
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div id={bodyId} className="mt-2 space-y-2 text-sm text-zinc-700 dark:text-zinc-300">
            {children}
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <button type="button" autoFocus className={secondaryButton} onClick={onCancel} disabled={busy}>
              Cancel
            </button>
            <button type="button" className={dangerButton} onClick={onConfirm} disabled={busy}>
              Confirm
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
