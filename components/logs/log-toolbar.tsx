"use client";

import { ArrowDownToLine, Download } from "lucide-react";
import type { TimestampSettings } from "./use-timestamp-settings";

interface LogToolbarProps {
  timestamps: TimestampSettings;
  onTimestampsChange: (next: TimestampSettings) => void;
  raw: boolean;
  onRawChange: (raw: boolean) => void;
  wrap: boolean;
  onWrapChange: (wrap: boolean) => void;
  hasGroups: boolean;
  onAllGroups: (open: boolean) => void;
  /** Null for a finished job: there is nothing to follow. */
  following: boolean | null;
  onFollowChange: (follow: boolean) => void;
  atBottom: boolean;
  onJumpToBottom: () => void;
  downloadUrl: string;
}

const button =
  "inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-sm font-medium text-zinc-900 hover:bg-zinc-100 disabled:opacity-40 aria-pressed:border-blue-500 aria-pressed:bg-blue-50 aria-pressed:text-blue-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:aria-pressed:bg-blue-500/15 dark:aria-pressed:text-blue-200";

/** The viewer's switches: timestamps, raw view, groups, following, and the download. */
export function LogToolbar(props: LogToolbarProps) {
  const {
    timestamps,
    onTimestampsChange,
    raw,
    onRawChange,
    wrap,
    onWrapChange,
    hasGroups,
    onAllGroups,
    following,
    onFollowChange,
    atBottom,
    onJumpToBottom,
    downloadUrl,
  } = props;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        aria-pressed={timestamps.show}
        onClick={() => onTimestampsChange({ ...timestamps, show: !timestamps.show })}
      >
        Timestamps
      </button>
      <label className="text-sm text-zinc-600 dark:text-zinc-400">
        <span className="sr-only">Time zone</span>
        <select
          value={timestamps.zone}
          onChange={(event) =>
            onTimestampsChange({ ...timestamps, zone: event.target.value === "utc" ? "utc" : "local" })
          }
          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        >
          <option value="local">Local time</option>
          <option value="utc">UTC</option>
        </select>
      </label>
      <button type="button" className={button} aria-pressed={wrap} disabled={raw} onClick={() => onWrapChange(!wrap)}>
        Wrap lines
      </button>
      <button type="button" className={button} aria-pressed={raw} onClick={() => onRawChange(!raw)}>
        Raw
      </button>
      <button type="button" className={button} disabled={raw || !hasGroups} onClick={() => onAllGroups(true)}>
        Expand all
      </button>
      <button type="button" className={button} disabled={raw || !hasGroups} onClick={() => onAllGroups(false)}>
        Collapse all
      </button>
      <span className="ml-auto flex items-center gap-2">
        {following !== null && (
          <button type="button" className={button} aria-pressed={following} onClick={() => onFollowChange(!following)}>
            Follow
          </button>
        )}
        <button type="button" className={button} disabled={atBottom} onClick={onJumpToBottom}>
          <ArrowDownToLine aria-hidden className="size-3.5" />
          Jump to bottom
        </button>
        <a href={downloadUrl} download className={button}>
          <Download aria-hidden className="size-3.5" />
          Download
        </a>
      </span>
    </div>
  );
}
