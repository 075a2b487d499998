"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { secondaryButton } from "@/components/ui/form-styles";
import { useDenied } from "@/components/ui/operator-context";
import { failure, type ActionResult } from "@/lib/action-results";
import { useCancelBuild, useRebuildBuild } from "@/lib/mutations/builds";
import type { BuildDetail, BuildSummary } from "@/lib/schemas/builds";
import { capabilityBlockedReason, type CapabilityAccess } from "./capability-access";

/** Buildkite cancels only these (422 otherwise); a blocked build keeps one of them while jobs still run. */
const CANCELABLE_STATES: readonly string[] = ["scheduled", "running", "failing"];

function isCancelable(detail: BuildDetail): boolean {
  return (
    CANCELABLE_STATES.includes(detail.build.state) ||
    (detail.build.blocked && detail.jobs.some((job) => job.state === "running"))
  );
}

interface BuildActionsProps {
  detail: BuildDetail;
  cancelAccess: CapabilityAccess;
  rebuildAccess: CapabilityAccess;
}

type Confirming = "cancel" | "rebuild" | null;

/** Cancel and rebuild, each confirmed first; disabled, with the reason, for viewers and tokens without the scope. */
export function BuildActions({ detail, cancelAccess, rebuildAccess }: BuildActionsProps) {
  const { build } = detail;
  const pipeline = build.pipeline.slug;
  const reasonId = useId();
  const cancel = useCancelBuild(pipeline, build.number);
  const rebuild = useRebuildBuild(pipeline, build.number);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [result, setResult] = useState<(ActionResult & { rebuilt?: BuildSummary }) | null>(null);
  const denied = useDenied("jobs.write");
  const cancelable = isCancelable(detail);
  const cancelReason = denied ?? capabilityBlockedReason(cancelAccess, "Cancel");
  const rebuildReason = denied ?? capabilityBlockedReason(rebuildAccess, "Rebuild");
  const loading = cancelAccess === "loading" || rebuildAccess === "loading";
  const reasons = loading
    ? []
    : [...new Set([cancelable ? cancelReason : null, rebuildReason])].filter((reason) => reason !== null);

  const confirm = () => {
    const onSettled = () => setConfirming(null);
    const onError = (error: unknown) => setResult(failure(error));
    if (confirming === "cancel") {
      cancel.mutate(undefined, {
        onSuccess: (envelope) =>
          setResult({ ok: true, message: `Build #${build.number} is ${envelope.data.build.state}.` }),
        onError,
        onSettled,
      });
    } else if (confirming === "rebuild") {
      rebuild.mutate(undefined, {
        onSuccess: (envelope) =>
          setResult({
            ok: true,
            message: `Build #${build.number} rebuilt as`,
            rebuilt: envelope.data.build,
          }),
        onError,
        onSettled,
      });
    }
  };

  const begin = (action: Exclude<Confirming, null>) => {
    setResult(null);
    setConfirming(action);
  };
  const small = `${secondaryButton} px-2.5 py-1`;

  return (
    <div className="space-y-2" data-testid="build-actions">
      <div className="flex flex-wrap items-center gap-2">
        {cancelable && (
          <button
            type="button"
            className={small}
            disabled={cancelReason !== null || cancel.isPending}
            title={cancelReason ?? undefined}
            aria-describedby={cancelReason && !loading ? reasonId : undefined}
            onClick={() => begin("cancel")}
          >
            Cancel build
          </button>
        )}
        <button
          type="button"
          className={small}
          disabled={rebuildReason !== null || rebuild.isPending}
          title={rebuildReason ?? undefined}
          aria-describedby={rebuildReason && !loading ? reasonId : undefined}
          onClick={() => begin("rebuild")}
        >
          Rebuild
        </button>
      </div>
      {reasons.length > 0 && (
        <div id={reasonId} className="text-sm text-zinc-700 dark:text-zinc-300">
          {reasons.map((reason) => (
            <p key={reason}>{reason}</p>
          ))}
        </div>
      )}
      {result?.rebuilt ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200"
        >
          {result.message}{" "}
          <Link
            href={`/builds/${encodeURIComponent(result.rebuilt.pipeline.slug || pipeline)}/${result.rebuilt.number}`}
            className="font-semibold underline"
            data-testid="rebuilt-build-link"
          >
            #{result.rebuilt.number}
          </Link>{" "}
          ({result.rebuilt.state}).
        </p>
      ) : (
        <ActionMessage result={result} />
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={confirming === "cancel" ? `Cancel build #${build.number}?` : `Rebuild build #${build.number}?`}
        busy={cancel.isPending || rebuild.isPending}
        busyLabel={confirming === "cancel" ? "Canceling…" : "Rebuilding…"}
        onConfirm={confirm}
        onCancel={() => setConfirming(null)}
      >
        {confirming === "cancel" ? (
          <p>
            Buildkite will cancel every job of {pipeline} #{build.number} that has not finished; running jobs are
            stopped. This cannot be undone.
          </p>
        ) : (
          <p>
            Buildkite will start a new build of {pipeline} on the same commit ({build.commit.slice(0, 7)}) and branch
            {build.branch ? ` ${build.branch}` : ""}, with fresh jobs.
          </p>
        )}
      </ConfirmDialog>
    </div>
  );
}
