"use client";

import { useId, useState } from "react";
import { failure, notifyOutcome, type ActionResult } from "@/lib/action-results";
import { notificationCounter, notificationError } from "@/lib/field-errors";
import { useNotifyJobs } from "@/lib/mutations/jobs";
import { ActionMessage, FieldError } from "@/components/ui/action-message";
import { inputClass, primaryButton } from "@/components/ui/form-styles";
import { useInFlight } from "@/components/ui/use-in-flight";
import { ActionUnavailable } from "./action-unavailable";

export interface NotifyUsage {
  sent: number;
  cap: number;
  /** Characters left for the operator's text once the console appends their name: the one limit shown. */
  maxChars: number;
}

interface NotifyFormProps {
  stackKey: string;
  jobId: string;
  /** Undefined until the history has loaded; nothing is sent before the limit is known. */
  usage: NotifyUsage | undefined;
  /** Why Buildkite would not take a notification for the job now; null when it would. */
  unavailable?: string | null;
}

/** A notification shows on the job in Buildkite, telling its author what the operator is doing. */
export function NotifyForm({ stackKey, jobId, usage, unavailable = null }: NotifyFormProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const id = useId();
  const atCap = usage !== undefined && usage.sent >= usage.cap;

  const mutation = useNotifyJobs(stackKey);
  const flight = useInFlight();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!usage) return;
    const problem = notificationError(text, usage.maxChars);
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

  if (unavailable && !flight.inFlight)
    return (
      <>
        <ActionUnavailable reason={unavailable} />
        <ActionMessage result={result} />
      </>
    );

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
        <button type="submit" disabled={!usage || atCap || flight.inFlight} className={`${primaryButton} shrink-0`}>
          {flight.inFlight ? "Sending…" : "Send notification"}
        </button>
      </div>
      <p
        id={`${id}-counter`}
        className="mt-1 text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
        data-testid="notification-counter"
      >
        {notificationCounter(text, usage?.maxChars)} — Buildkite shows your name after it.
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
