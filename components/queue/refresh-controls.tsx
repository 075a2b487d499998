"use client";

import { Pause, Play } from "lucide-react";
import { useId } from "react";
import { formatAge, secondsSince } from "@/lib/format";
import { MIN_REFRESH_MS } from "@/components/jobs/use-refresh-settings";

const CHOICES_MS = [1000, 2000, 5000, 10_000, 30_000, 60_000];

interface RefreshControlsProps {
  intervalMs: number;
  onIntervalChange: (ms: number) => void;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  updatedAt: number;
  fetching: boolean;
  now: number;
}

/** When the data was read, how often it is re-read, and a way to hold it still. */
export function RefreshControls({
  intervalMs,
  onIntervalChange,
  paused,
  onPausedChange,
  updatedAt,
  fetching,
  now,
}: RefreshControlsProps) {
  const selectId = useId();
  const choices = CHOICES_MS.includes(intervalMs) ? CHOICES_MS : [...CHOICES_MS, intervalMs].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      <span data-testid="updated-ago" aria-live="off" suppressHydrationWarning>
        {updatedAt > 0 ? `updated ${formatAge(secondsSince(updatedAt, now))} ago` : "not loaded yet"}
        {fetching && !paused ? " · refreshing…" : ""}
      </span>
      <label htmlFor={selectId} className="ml-auto">
        Refresh interval
      </label>
      <select
        id={selectId}
        value={intervalMs}
        onChange={(event) => onIntervalChange(Math.max(MIN_REFRESH_MS, Number(event.target.value)))}
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {choices.map((ms) => (
          <option key={ms} value={ms}>
            {formatAge(ms / 1000).replace(" 00s", "")}
          </option>
        ))}
      </select>
      <button
        type="button"
        onClick={() => onPausedChange(!paused)}
        className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1 font-medium text-zinc-900 hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
      >
        {paused ? <Play aria-hidden className="size-3.5" /> : <Pause aria-hidden className="size-3.5" />}
        {paused ? "Resume refresh" : "Pause refresh"}
      </button>
      {paused && <span className="font-semibold text-amber-700 dark:text-amber-400">Refresh paused</span>}
    </div>
  );
}
