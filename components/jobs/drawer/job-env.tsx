"use client";

import { useQuery } from "@tanstack/react-query";
import { memo, useDeferredValue, useMemo, useState } from "react";
import { CopyButton } from "@/components/jobs/copy-button";
import { ApiError } from "@/lib/api/api-error";
import { restJobEnvQuery } from "@/lib/queries/builds";
import { jobQuery } from "@/lib/queries/stacks";
import { inputClass, secondaryButton } from "@/components/ui/form-styles";

/** Rows rendered before "Show all": a job's env can hold thousands of entries and 100 KB+ of values. */
const FIRST_ROWS = 200;

function EnvList({ env }: { env: Record<string, string> }) {
  const [filter, setFilter] = useState("");
  const [showAll, setShowAll] = useState(false);
  const query = useDeferredValue(filter.trim().toLowerCase());
  const entries = useMemo(() => Object.entries(env).sort(([a], [b]) => a.localeCompare(b)), [env]);
  const matches = useMemo(
    () =>
      query ? entries.filter(([k, v]) => k.toLowerCase().includes(query) || v.toLowerCase().includes(query)) : entries,
    [entries, query],
  );
  const shown = showAll ? matches : matches.slice(0, FIRST_ROWS);

  return (
    <div>
      <label className="block text-sm">
        <span className="sr-only">Filter environment</span>
        <input
          type="search"
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          placeholder="Filter by name or value"
          className={inputClass}
        />
      </label>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
        {matches.length} of {entries.length} variables
      </p>
      <dl className="mt-2 divide-y divide-zinc-100 text-xs dark:divide-zinc-800">
        {shown.map(([key, value]) => (
          <div key={key} className="py-1">
            <dt className="font-mono font-semibold">{key}</dt>
            <dd className="flex items-start gap-2">
              <span className="max-h-32 min-w-0 flex-1 overflow-auto font-mono break-all whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">
                {value}
              </span>
              <CopyButton text={value} label={`Copy value of ${key}`} />
            </dd>
          </div>
        ))}
      </dl>
      {shown.length < matches.length && (
        <button type="button" onClick={() => setShowAll(true)} className={`${secondaryButton} mt-2`}>
          Show all {matches.length} variables
        </button>
      )}
    </div>
  );
}

const errorText = (error: Error) =>
  error instanceof ApiError ? `${error.error.type}: ${error.message}` : error.message;

/**
 * The Stacks API forgets a job once it has run; the REST API keeps its env (by job id alone, so no build
 * number is needed). The server hides the same secret-named values in both.
 */
function RestEnv({ jobId }: { jobId: string }) {
  const query = useQuery(restJobEnvQuery(jobId));
  if (query.error) {
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        The Stacks API no longer has this job, and its environment could not be read from the REST API either.{" "}
        {errorText(query.error)}
      </p>
    );
  }
  const detail = query.data?.data;
  if (!detail) return <p className="text-sm text-zinc-500">Loading from the REST API…</p>;
  return (
    <div data-testid="rest-env">
      <p className="mb-2 rounded-md border border-zinc-300 bg-zinc-50 px-3 py-2 text-xs text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-200">
        The Stacks API no longer has this job: this environment comes from Buildkite&apos;s REST API.
      </p>
      <EnvList env={detail.env} />
    </div>
  );
}

function Loaded({ stackKey, jobId, part }: { stackKey: string; jobId: string; part: "env" | "command" }) {
  const query = useQuery(jobQuery(stackKey, jobId));
  if (query.error) {
    if (part === "env" && query.error instanceof ApiError && query.error.error.type === "not_found")
      return <RestEnv jobId={jobId} />;
    const message = errorText(query.error);
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        Could not load the job&apos;s {part === "env" ? "environment" : "command"}. {message}
      </p>
    );
  }
  const detail = query.data?.data;
  if (!detail) return <p className="text-sm text-zinc-500">Loading…</p>;
  if (part === "env") return <EnvList env={detail.env} />;
  return (
    <div className="flex items-start gap-2">
      <pre className="max-h-80 min-w-0 flex-1 overflow-auto rounded-md bg-zinc-100 p-2 font-mono text-xs break-all whitespace-pre-wrap dark:bg-zinc-950">
        {detail.command || "(empty)"}
      </pre>
      <CopyButton text={detail.command} label="Copy command" />
    </div>
  );
}

function Lazy({ title, children }: { title: string; children: (open: boolean) => React.ReactNode }) {
  // Fetched on first expansion only: env and command can exceed 100 KB and most triage never needs them.
  const [opened, setOpened] = useState(false);
  return (
    <details onToggle={(event) => event.currentTarget.open && setOpened(true)} className="group py-1">
      <summary className="cursor-pointer text-sm font-semibold select-none">{title}</summary>
      <div className="mt-2">{children(opened)}</div>
    </details>
  );
}

/** Environment and command. Memoized: the drawer re-renders every second, these large lists must not. */
export const JobEnv = memo(function JobEnv({ stackKey, jobId }: { stackKey: string; jobId: string }) {
  return (
    <div>
      <Lazy title="Environment">{(open) => open && <Loaded stackKey={stackKey} jobId={jobId} part="env" />}</Lazy>
      <Lazy title="Command">{(open) => open && <Loaded stackKey={stackKey} jobId={jobId} part="command" />}</Lazy>
    </div>
  );
});
