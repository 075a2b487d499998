"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { useInFlight } from "./use-in-flight";
import { dangerButton, secondaryButton } from "./form-styles";

interface ConfirmDialogProps {
  open: boolean;
  title: ReactNode;
  children: ReactNode;
  busy: boolean;
  /** Shown on the confirm button while the action runs. */
  busyLabel?: string;
  /** Keeps Confirm disabled until a check inside the dialog passes (a typed count, say). */
  confirmDisabled?: boolean;
  /** Called once per opening: it must start the action (so `busy` turns true) or close the dialog. */
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last stop before an action that cannot be undone. A modal <dialog>: the page behind it is inert, and
 * only the operator's Confirm, Cancel or Esc closes it, so a live refresh re-renders around it. Cancel takes
 * the initial focus so a stray Enter cannot confirm.
 *
 * Confirm acts once: a double-click's second click arrives before the caller's `busy` does (a mutation
 * reports pending a macrotask later), so the dialog latches on the first click itself and stays disabled
 * until it closes or the action it started settles.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  busy,
  busyLabel,
  confirmDisabled = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const { inFlight: pressed, begin, settle } = useInFlight();
  const wasBusy = useRef(busy);
  const acting = busy || pressed;

  useEffect(() => {
    const settled = wasBusy.current && !busy;
    wasBusy.current = busy;
    if (!open || settled) settle();
  }, [open, busy, settle]);

  const confirm = () => {
    if (busy || !begin()) return;
    onConfirm();
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // Cancel's autoFocus ran while the dialog was still closed (a dialog mounted open, say), when nothing
      // inside it can take focus; showModal would then focus the first control, which may be a field.
      dialog.querySelector<HTMLElement>("[data-initial-focus]")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "Escape") {
      // Esc belongs to the dialog: marking it handled keeps the page's own Esc (close the job drawer) out.
      event.preventDefault();
      if (!acting) onCancel();
      return;
    }
    if (event.key !== "Tab") return;
    // Keep Tab among the dialog's own controls (a field in its body too) instead of leaving for the browser's.
    const controls = [
      ...event.currentTarget.querySelectorAll<HTMLButtonElement | HTMLInputElement>("button, input"),
    ].filter((control) => !control.disabled);
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!acting) onCancel();
      }}
      onKeyDown={onKeyDown}
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
            <button
              type="button"
              autoFocus
              data-initial-focus
              className={secondaryButton}
              onClick={onCancel}
              disabled={acting}
            >
              Cancel
            </button>
            <button type="button" className={dangerButton} onClick={confirm} disabled={acting || confirmDisabled}>
              {acting && busyLabel ? busyLabel : "Confirm"}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
