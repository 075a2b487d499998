"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/api/api-error";
import { nameTokens, parseJobIdTokens } from "@/lib/job-id-tokens";
import { scheduledJobsQuery } from "@/lib/queries/stacks";
import { MAX_BATCH_IDS } from "@/lib/inputs/stacks";
import { JobStatesTable } from "./job-states-table";
import { useWatchedIds } from "./use-watched-ids";

type Feedback =
  | { kind: "watched"; invalid: string[]; duplicates: number; dropped: number }
  | { kind: "refused"; invalid: string[] }
  | { kind: "collected"; collected: number; total: number }
  | { kind: "failed"; message: string };

const button =
  "rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-60";
const primary = `${button} bg-zinc-900 text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300`;
const secondary = `${button} border border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800`;

function FeedbackMessages({ feedback, queueKey }: { feedback: Feedback | null; queueKey: string }) {
  if (!feedback) return null;
  const warning = "text-sm text-amber-900 dark:text-amber-200";
  switch (feedback.kind) {
    case "refused":
      return (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          {feedback.invalid.length > 0
            ? `No job ids found. Not job ids: ${nameTokens(feedback.invalid)}.`
            : "Paste at least one job id."}
        </p>
      );
    case "watched":
      return (
        <div className="space-y-1">
          {feedback.invalid.length > 0 && (
            <p role="alert" className={warning}>
              Skipped {feedback.invalid.length === 1 ? "a token that is" : `${feedback.invalid.length} tokens that are`}{" "}
              not a job id: {nameTokens(feedback.invalid)}.
            </p>
          )}
          {feedback.dropped > 0 && (
            <p role="alert" className={warning}>
              Only the first {MAX_BATCH_IDS} ids are watched (the most Buildkite reads at once); {feedback.dropped} more
              left out.
            </p>
          )}
          {feedback.duplicates > 0 && (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {feedback.duplicates} repeated {feedback.duplicates === 1 ? "id" : "ids"} counted once.
            </p>
          )}
        </div>
      );
    case "collected":
      return (
        <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
          {feedback.total === 0
            ? `Queue ${queueKey} has no scheduled jobs.`
            : `Collected ${feedback.collected} of ${feedback.total} scheduled jobs on queue ${queueKey}${
                feedback.total > feedback.collected ? ` (the most Buildkite reads at once is ${MAX_BATCH_IDS})` : ""
              }.`}
        </p>
      );
    case "failed":
      return (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
          Could not collect the scheduled jobs: {feedback.message}
        </p>
      );
  }
}

export function JobStatesPanel({
  stackKey,
  queueKey,
  pollIntervalMs,
}: {
  stackKey: string;
  queueKey: string;
  pollIntervalMs: number;
}) {
  const [ids, setIds] = useWatchedIds(stackKey);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [collecting, setCollecting] = useState(false);
  const queryClient = useQueryClient();
  const fieldId = useId();

  function watch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = new FormData(event.currentTarget).get("jobIds");
    const parsed = parseJobIdTokens(typeof text === "string" ? text : "");
    if (parsed.ids.length === 0) {
      setFeedback({ kind: "refused", invalid: parsed.invalid });
      return;
    }
    setIds(parsed.ids);
    setFeedback({ kind: "watched", invalid: parsed.invalid, duplicates: parsed.duplicates, dropped: parsed.dropped });
  }

  async function collect() {
    setCollecting(true);
    try {
      const envelope = await queryClient.fetchQuery(scheduledJobsQuery(stackKey, queueKey));
      const scheduled = envelope.data.map((job) => job.id);
      if (scheduled.length > 0) setIds(scheduled.slice(0, MAX_BATCH_IDS));
      setFeedback({ kind: "collected", collected: Math.min(scheduled.length, MAX_BATCH_IDS), total: scheduled.length });
    } catch (error) {
      setFeedback({
        kind: "failed",
        message: error instanceof ApiError ? `${error.error.type}: ${error.message}` : String(error),
      });
    } finally {
      setCollecting(false);
    }
  }

  const refused = feedback?.kind === "refused";
  return (
    <div className="mt-6 space-y-6">
      <form
        onSubmit={watch}
        className="space-y-3 rounded-lg border border-zinc-200 bg-white p-5 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
      >
        <div>
          <label htmlFor={fieldId} className="block text-sm font-medium">
            Job ids
          </label>
          <p id={`${fieldId}-help`} className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">
            UUIDs or console links (…?job=…), separated by spaces, commas or new lines; up to {MAX_BATCH_IDS}.
          </p>
          <textarea
            id={fieldId}
            name="jobIds"
            // Re-created when the watched list changes (a reload, a collect, another tab) so it shows exactly
            // what is watched; typing in between is the operator's own draft.
            key={ids.join(",")}
            defaultValue={ids.join("\n")}
            rows={6}
            spellCheck={false}
            aria-invalid={refused || undefined}
            aria-describedby={`${fieldId}-help ${fieldId}-feedback`}
            className="mt-2 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100"
          />
          <div id={`${fieldId}-feedback`} className="mt-2">
            <FeedbackMessages feedback={feedback} queueKey={queueKey} />
          </div>
        </div>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className={primary}>
            Watch
          </button>
          <button type="button" className={secondary} onClick={collect} disabled={collecting} aria-busy={collecting}>
            Collect from queue
          </button>
          <button
            type="button"
            className={secondary}
            disabled={ids.length === 0}
            onClick={() => {
              setIds([]);
              setFeedback(null);
            }}
          >
            Stop watching
          </button>
        </div>
      </form>

      <JobStatesTable stackKey={stackKey} queueKey={queueKey} ids={ids} pollIntervalMs={pollIntervalMs} />
    </div>
  );
}
