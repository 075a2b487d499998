"use client";

import { Pause, Play, Radio } from "lucide-react";
import { useId } from "react";
import { formatAge, secondsSince } from "@/lib/format";
import { MIN_REFRESH_MS } from "@/components/jobs/use-refresh-settings";
import type { QueueStreamStatus } from "@/components/jobs/use-queue-stream";

const CHOICES_MS = [1000, 2000, 5000, 10_000, 30_000, 60_000];

interface RefreshControlsProps {
  intervalMs: number;
  onIntervalChange: (ms: number) => void;
  paused: boolean;
  onPausedChange: (paused: boolean) => void;
  updatedAt: number;
  fetching: boolean;
  /** Whether changes are pushed (a live stream) or polled, and when the last one arrived. */
  stream: QueueStreamStatus;
  now: number;
}

const intervalLabel = (ms: number) => formatAge(ms / 1000).replace(" 00s", "");

/** "Live · webhooks", "Live" or "Polling every 2s": how current the list can be. */
function LiveStatus({ stream, intervalMs }: { stream: QueueStreamStatus; intervalMs: number }) {
  if (stream.mode === "polling") {
    return (
      <span data-testid="live-status" title="The live stream is not connected; the list is read again on an interval.">
        Polling every {intervalLabel(intervalMs)}
      </span>
    );
  }
  return (
    <span
      data-testid="live-status"
      className="inline-flex items-center gap-1.5 font-medium text-emerald-700 dark:text-emerald-400"
      title={
        stream.webhooks
          ? "Changes are pushed as they happen: Buildkite's webhooks make the server read at once."
          : "Changes are pushed as the server reads them from Buildkite on its interval."
      }
    >
      <Radio aria-hidden className="size-3.5" />
      Live{stream.webhooks ? " · webhooks" : ""}
    </span>
  );
}

/** When the data was read, how often it is re-read, and a way to hold it still. */
export function RefreshControls({
  intervalMs,
  onIntervalChange,
  paused,
  onPausedChange,
  updatedAt,
  fetching,
  stream,
  now,
}: RefreshControlsProps) {
  // Live, the list is as current as the stream, and `updatedAt` is when a change last arrived.
  const live = !paused && stream.mode === "live";
  const selectId = useId();
  const choices = CHOICES_MS.includes(intervalMs) ? CHOICES_MS : [...CHOICES_MS, intervalMs].sort((a, b) => a - b);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm text-zinc-600 dark:text-zinc-400">
      {!paused && <LiveStatus stream={stream} intervalMs={intervalMs} />}
      <span data-testid="updated-ago" aria-live="off" suppressHydrationWarning>
        {live
          ? `last change ${formatAge(secondsSince(updatedAt, now))} ago`
          : updatedAt > 0
            ? `updated ${formatAge(secondsSince(updatedAt, now))} ago`
            : "not loaded yet"}
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
            {intervalLabel(ms)}
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
