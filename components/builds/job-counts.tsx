import { RETRIED_COUNT, SOFT_FAILED_COUNT } from "@/lib/build-jobs";
import { StateBadge } from "./state-badge";

/** How many of the build's jobs are in each state, biggest problems first, superseded attempts last. */
export function JobCounts({ counts }: { counts: Record<string, number> }) {
  const order = [
    "failed",
    "timed_out",
    "broken",
    SOFT_FAILED_COUNT,
    "canceled",
    "running",
    "scheduled",
    "passed",
    RETRIED_COUNT,
  ];
  const rank = (state: string) => {
    const index = order.indexOf(state);
    return index < 0 ? order.length : index;
  };
  const entries = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  if (entries.length === 0) return null;
  return (
    <ul aria-label="Jobs by state" className="flex flex-wrap gap-2" data-testid="job-counts">
      {entries.map(([state, count]) => (
        <li
          key={state}
          className="inline-flex items-center gap-1 rounded-md border border-zinc-200 px-2 py-1 text-sm dark:border-zinc-800"
        >
          <StateBadge state={state} />
          <span className="font-semibold tabular-nums">{count}</span>
        </li>
      ))}
    </ul>
  );
}
