// Formatting for the builds pages: sizes, durations and ages, each short enough for a table cell.

import { formatAge } from "./format";

const units = ["B", "KiB", "MiB", "GiB", "TiB"] as const;

/** "512 B", "1.5 KiB", "12 MiB": binary units, one decimal below 10 so small sizes keep their precision. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} B`;
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  return `${rounded} ${units[unit]}`;
}

/** Exact bytes with thousands separators, for a size's title. */
export const exactBytes = (bytes: number) => `${bytes.toLocaleString("en-US")} bytes`;

/**
 * How long something ran: from start to finish, or to `now` while it still runs. Null when it never
 * started (a skipped job, a build still waiting).
 */
export function durationSeconds(startedAt: string | null, finishedAt: string | null, now: number): number | null {
  if (!startedAt) return null;
  const start = Date.parse(startedAt);
  const end = finishedAt ? Date.parse(finishedAt) : now;
  if (!Number.isFinite(start) || !Number.isFinite(end)) return null;
  return Math.max(0, (end - start) / 1000);
}

export function formatDurationSeconds(seconds: number | null): string {
  return seconds === null ? "—" : formatAge(seconds);
}

/** "3m 05s ago" for a past instant. */
export function formatAgo(iso: string, now: number): string {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return "—";
  return `${formatAge(Math.max(0, (now - then) / 1000))} ago`;
}

export const shortSha = (commit: string) => commit.slice(0, 7);
