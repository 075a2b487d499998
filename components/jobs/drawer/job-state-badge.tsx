import { useId } from "react";

const tones: Record<string, string> = {
  scheduled: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
  reserved: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  running: "bg-blue-100 text-blue-900 dark:bg-blue-500/15 dark:text-blue-200",
  finished: "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100",
};
const fallback = "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300";

/** The job's live state as Buildkite reports it, labelled so it reads as "State: reserved". */
export function JobStateBadge({ state, error }: { state: string | undefined; error: string | null }) {
  const labelId = useId();
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <span id={labelId} className="text-zinc-500 dark:text-zinc-400">
        State
      </span>
      <span
        aria-labelledby={labelId}
        role="status"
        data-testid="job-state"
        className={`rounded-full px-2.5 py-0.5 text-xs font-semibold ${(state && tones[state]) ?? fallback}`}
      >
        {state ?? "loading…"}
      </span>
      {error && (
        <span className="text-xs text-amber-800 dark:text-amber-300">Could not refresh the state: {error}</span>
      )}
    </p>
  );
}
