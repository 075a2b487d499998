import type { HistoryEvent } from "@/lib/schemas/jobs";
import { LocalTime } from "@/components/ui/local-time";

const verbs: Record<HistoryEvent["action"], string> = {
  reserve: "Reserved",
  extend: "Extended reservation",
  release: "Released reservation",
  finish: "Finished",
  notify: "Notified",
};

const outcomeTone: Record<HistoryEvent["outcome"], string> = {
  ok: "text-emerald-700 dark:text-emerald-300",
  failed: "text-red-700 dark:text-red-300",
  unknown: "text-amber-700 dark:text-amber-300",
};

const outcomeText: Record<HistoryEvent["outcome"], string> = {
  ok: "ok",
  failed: "failed",
  // The console wrote its intent but never heard back: Buildkite may or may not have acted.
  unknown: "outcome unknown",
};

/** What operators did to this job through the console, newest first. */
export function JobHistoryList({ events }: { events: HistoryEvent[] | undefined }) {
  if (events === undefined) return <p className="text-sm text-zinc-500">Loading…</p>;
  if (events.length === 0)
    return (
      <p className="text-sm text-zinc-500 dark:text-zinc-400">No operator has acted on this job from the console.</p>
    );
  return (
    <ol aria-label="Job history" className="space-y-2 text-sm">
      {events.map((event) => (
        <li
          key={event.id}
          data-testid="history-event"
          className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-semibold">{verbs[event.action]}</span>
            <span className={`text-xs font-semibold ${outcomeTone[event.outcome]}`}>{outcomeText[event.outcome]}</span>
            <span className="text-zinc-600 dark:text-zinc-400">by {event.operator}</span>
            <span className="ml-auto text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
              <LocalTime iso={event.at} />
            </span>
          </div>
          {event.detail && (
            <p className="mt-1 break-words whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{event.detail}</p>
          )}
          {event.message && <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">{event.message}</p>}
        </li>
      ))}
    </ol>
  );
}
