"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ReservationRequest } from "./use-reservation-run";

interface ReservationConfirmProps {
  count: number;
  request: ReservationRequest;
  onConfirm: () => void;
  onCancel: () => void;
}

const jobsText = (count: number) => (count === 1 ? "this job" : `these ${count} jobs`);

/** The last stop before acting on reservations; what is acted on was fixed when it opened. */
export function ReservationConfirm({ count, request, onConfirm, onCancel }: ReservationConfirmProps) {
  const noun = count === 1 ? "job" : "jobs";
  const title =
    request.action === "extend"
      ? `Extend ${count} ${count === 1 ? "reservation" : "reservations"}?`
      : request.action === "release"
        ? `Release ${count} ${noun}?`
        : `Finish ${count} ${noun}?`;
  return (
    <ConfirmDialog open title={title} busy={false} onConfirm={onConfirm} onCancel={onCancel}>
      {request.action === "extend" && (
        <p>
          Buildkite will hold {jobsText(count)} for <span className="font-mono">{request.expirySeconds}</span> seconds
          from now, whatever was left before.
        </p>
      )}
      {request.action === "release" && <ReleaseExplanation count={count} />}
      {request.action === "finish" && (
        <>
          <p>
            Buildkite will mark {jobsText(count)} finished with exit status{" "}
            <span className="font-mono">{request.exitStatus}</span>. This cannot be undone.
          </p>
          <blockquote className="max-h-32 overflow-auto rounded border-l-4 border-zinc-300 bg-zinc-50 px-3 py-2 break-words whitespace-pre-wrap dark:border-zinc-600 dark:bg-zinc-800">
            {request.detail}
          </blockquote>
        </>
      )}
    </ConfirmDialog>
  );
}

function ReleaseExplanation({ count }: { count: number }) {
  return (
    <p>
      Buildkite has no call to give a job back, so the console reserves {jobsText(count)} again for 1 second, the
      shortest reservation it takes. {count === 1 ? "It is" : "They are"} scheduled again a second later for any agent
      to take, and the console stops listing {count === 1 ? "it" : "them"}.
    </p>
  );
}
