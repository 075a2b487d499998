"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface ConfirmFinishDialogProps {
  shortId: string;
  exitStatus: number;
  reason: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The last stop before failing someone's build; it lives in the drawer's state, so refreshes keep it open. */
export function ConfirmFinishDialog({
  shortId,
  exitStatus,
  reason,
  pending,
  onConfirm,
  onCancel,
}: ConfirmFinishDialogProps) {
  return (
    <ConfirmDialog
      open
      title={
        <>
          Finish job <span className="font-mono">{shortId}</span>?
        </>
      }
      busy={pending}
      busyLabel="Finishing…"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Buildkite will mark it finished with exit status <span className="font-mono font-semibold">{exitStatus}</span>
        {exitStatus === 0 ? " (completed)" : " (failed)"}. This cannot be undone.
      </p>
      <p>
        Your operator name is attached to the reason Buildkite shows: “Finished by &lt;you&gt; via Stack Console: …”.
      </p>
      <p className="max-h-24 overflow-auto rounded bg-zinc-100 p-2 break-words whitespace-pre-wrap dark:bg-zinc-800">
        {reason}
      </p>
    </ConfirmDialog>
  );
}
