"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";

interface BulkConfirmDialogProps {
  count: number;
  queueKey: string;
  exitStatus: number;
  reason: string;
  /** The run is going: Confirm stays disabled, so a second click cannot start another. */
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last stop before finishing many jobs; the ids were fixed when it opened, so a refresh changes nothing.
 * It stays open, busy, until the run ends.
 */
export function BulkConfirmDialog({
  count,
  queueKey,
  exitStatus,
  reason,
  busy,
  onConfirm,
  onCancel,
}: BulkConfirmDialogProps) {
  return (
    <ConfirmDialog
      open
      title={`Finish ${count} ${count === 1 ? "job" : "jobs"}?`}
      busy={busy}
      busyLabel="Finishing…"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Buildkite will mark {count === 1 ? "this job" : `these ${count} jobs`} in queue{" "}
        <span className="font-mono">{queueKey}</span> finished with exit status{" "}
        <span className="font-mono">{exitStatus}</span>. This cannot be undone.
      </p>
      <blockquote className="max-h-32 overflow-auto rounded border-l-4 border-zinc-300 bg-zinc-50 px-3 py-2 break-words whitespace-pre-wrap dark:border-zinc-600 dark:bg-zinc-800">
        {reason}
      </blockquote>
    </ConfirmDialog>
  );
}
