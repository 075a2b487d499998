"use client";

import { errorText } from "@/lib/api/api-error";
import { useSetDispatch } from "@/lib/mutations/queue";
import { ActionMessage } from "@/components/ui/action-message";
import { useDenied } from "@/components/ui/operator-context";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { secondaryButton } from "@/components/ui/form-styles";
import { useState } from "react";

/**
 * Resumes dispatch of a paused queue, after a confirmation. Used by the stack header and by the "dispatch is
 * paused" finding, so the answer to "why do jobs wait" comes with its remedy.
 */
export function ResumeDispatch({
  stackKey,
  queueKey,
  label = "Resume dispatch",
}: {
  stackKey: string;
  queueKey: string;
  /** The button's accessible name, where several controls sit side by side. */
  label?: string;
}) {
  // Only admins may stop or start a whole queue; the server refuses anyone else either way.
  const denied = useDenied("stacks.admin");
  const [confirming, setConfirming] = useState(false);
  const mutation = useSetDispatch(stackKey, queueKey);
  const failure = errorText(mutation.error);
  return (
    <>
      <button
        type="button"
        className={secondaryButton}
        disabled={denied !== null}
        title={denied ?? undefined}
        aria-label={label}
        onClick={() => (mutation.reset(), setConfirming(true))}
      >
        Resume dispatch
      </button>
      <ActionMessage result={failure ? { ok: false, message: `Could not resume dispatch — ${failure}` } : null} />
      <ConfirmDialog
        open={confirming}
        title="Resume dispatch?"
        busy={mutation.isPending}
        busyLabel="Resuming…"
        onConfirm={() => mutation.mutate({ paused: false }, { onSettled: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>
          Agents start taking jobs from queue <span className="font-mono">{queueKey}</span> again.
        </p>
      </ConfirmDialog>
    </>
  );
}
