// A build's or a job's state as a pill: the word is always there, the colour only repeats it, so the state
// reads the same to a screen reader, in greyscale and in either theme.

const green = "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200";
const red = "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200";
const blue = "bg-blue-100 text-blue-900 dark:bg-blue-500/15 dark:text-blue-200";
const sky = "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200";
const amber = "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200";
const grey = "bg-zinc-200 text-zinc-900 dark:bg-zinc-700 dark:text-zinc-100";

const tones: Record<string, string> = {
  passed: green,
  failed: red,
  failing: red,
  timed_out: red,
  timing_out: red,
  broken: red,
  expired: red,
  waiting_failed: red,
  blocked_failed: red,
  unblocked_failed: red,
  running: blue,
  assigned: blue,
  accepted: blue,
  creating: sky,
  scheduled: sky,
  pending: sky,
  waiting: sky,
  limited: sky,
  blocked: amber,
  unblocked: amber,
  canceling: amber,
  soft_failed: amber,
  canceled: grey,
  skipped: grey,
  not_run: grey,
};
const fallback = "bg-zinc-100 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";

/** Buildkite's job states that mean the job did not succeed; the build page lists these first. */
export const retryableJobStates: readonly string[] = ["failed", "timed_out", "canceled"];

export function StateBadge({ state, label }: { state: string; label?: string }) {
  return (
    <span
      data-testid="state-badge"
      title={label ? `${label}: ${state}` : undefined}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[state] ?? fallback}`}
    >
      {label && <span className="sr-only">{label}: </span>}
      {state.replaceAll("_", " ")}
    </span>
  );
}
