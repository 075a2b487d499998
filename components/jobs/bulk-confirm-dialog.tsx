"use client";

import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { fieldClass } from "@/components/ui/form-styles";
import { needsTypedCount, typedCountMatches, type ReviewJob } from "@/lib/bulk-finish-review";
import { PipelineBreakdown } from "./bulk-pipeline-breakdown";

interface BulkConfirmDialogProps {
  jobs: readonly ReviewJob[];
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
 * Past the threshold the operator types the count, so a whole queue is never finished by a reflex click.
 */
export function BulkConfirmDialog({
  jobs,
  queueKey,
  exitStatus,
  reason,
  busy,
  onConfirm,
  onCancel,
}: BulkConfirmDialogProps) {
  const typedId = useId();
  const [typed, setTyped] = useState("");
  const count = jobs.length;
  const askCount = needsTypedCount(count);
  const countConfirmed = !askCount || typedCountMatches(typed, count);

  return (
    <ConfirmDialog
      open
      title={`Finish ${count} ${count === 1 ? "job" : "jobs"}?`}
      busy={busy}
      busyLabel="Finishing…"
      confirmDisabled={!countConfirmed}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        Buildkite will mark {count === 1 ? "this job" : `these ${count} jobs`} in queue{" "}
        <span className="font-mono">{queueKey}</span> finished with exit status{" "}
        <span className="font-mono">{exitStatus}</span>. This cannot be undone.
      </p>
      <PipelineBreakdown jobs={jobs} />
      <blockquote className="max-h-32 overflow-auto rounded border-l-4 border-zinc-300 bg-zinc-50 px-3 py-2 break-words whitespace-pre-wrap dark:border-zinc-600 dark:bg-zinc-800">
        {reason}
      </blockquote>
      {askCount && (
        <div className="flex flex-col gap-1">
          <label htmlFor={typedId} className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Type {count} to confirm
          </label>
          <input
            id={typedId}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            disabled={busy}
            className={`${fieldClass} w-24 tabular-nums`}
          />
        </div>
      )}
    </ConfirmDialog>
  );
}
