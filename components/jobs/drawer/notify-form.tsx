"use client";

import { useId, useState } from "react";
import { failure, notifyOutcome, type ActionResult } from "@/lib/action-results";
import { notificationCounter, notificationError } from "@/lib/field-errors";
import { useNotifyJobs } from "@/lib/mutations/jobs";
import { NOTIFICATION_DETAIL_MAX_CHARS } from "@/lib/inputs/stacks";
import { ActionMessage, FieldError } from "@/components/ui/action-message";
import { useInFlight } from "@/components/ui/use-in-flight";
import { inputClass, primaryButton } from "@/components/ui/form-styles";

interface NotifyFormProps {
  stackKey: string;
  jobId: string;
  /** Undefined until the history has loaded. */
  usage: { sent: number; cap: number; maxChars: number } | undefined;
}

/** A notification shows on the job in Buildkite, telling its author what the operator is doing. */
export function NotifyForm({ stackKey, jobId, usage }: NotifyFormProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const id = useId();
  const atCap = usage !== undefined && usage.sent >= usage.cap;
  const maxChars = usage?.maxChars ?? NOTIFICATION_DETAIL_MAX_CHARS;

  const mutation = useNotifyJobs(stackKey);
  const flight = useInFlight();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problem = notificationError(text, maxChars);
    setError(problem);
    setResult(null);
    if (problem || !flight.begin()) return;
    mutation.mutate([{ jobId, detail: text }], {
      onSuccess: (envelope) => {
        const outcome = notifyOutcome(envelope.data);
        setResult(outcome);
        if (outcome.ok) setText("");
      },
      onError: (err) => setResult(failure(err)),
      onSettled: flight.settle,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <p className="mb-2 text-sm" data-testid="notification-count">
        {usage ? `${usage.sent} of ${usage.cap} notifications sent` : "Counting notifications…"}
      </p>
      <label htmlFor={`${id}-text`} className="mb-1 block text-sm">
        Notification
      </label>
      <div className="flex items-start gap-2">
        <input
          id={`${id}-text`}
          type="text"
          value={text}
          onChange={(event) => setText(event.target.value)}
          disabled={atCap}
          aria-invalid={error !== null}
          aria-describedby={`${id}-counter${error ? ` ${id}-error` : ""}${atCap ? ` ${id}-cap` : ""}`}
          className={inputClass}
        />
        <button type="submit" disabled={atCap || flight.inFlight} className={`${primaryButton} shrink-0`}>
          {flight.inFlight ? "Sending…" : "Send notification"}
        </button>
      </div>
      <p
        id={`${id}-counter`}
        className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
        data-testid="notification-counter"
      >
        {notificationCounter(text, maxChars)} — your name is appended to what Buildkite shows, within its{" "}
        {NOTIFICATION_DETAIL_MAX_CHARS}.
      </p>
      {atCap && (
        <p id={`${id}-cap`} className="mt-1 text-sm text-amber-800 dark:text-amber-300">
          This job has reached Buildkite&apos;s cap of {usage.cap} notifications; no more can be sent.
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
      <ActionMessage result={result} />
    </form>
  );
}
