/** A compact age for a job or a refresh: "42s", "3m 05s", "1h 02m", "2d 3h". */
export function formatAge(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const pad = (n: number) => String(n).padStart(2, "0");
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
  return `${Math.floor(s / 86400)}d ${Math.floor((s % 86400) / 3600)}h`;
}

/** A duration given in milliseconds: "850ms" below a second, then as `formatAge` writes it. */
export function formatDurationMs(ms: number): string {
  return ms < 1000 ? `${Math.max(0, Math.round(ms))}ms` : formatAge(ms / 1000);
}

export function secondsSince(isoOrMs: string | number, now: number): number {
  const then = typeof isoOrMs === "number" ? isoOrMs : Date.parse(isoOrMs);
  return Number.isFinite(then) ? Math.max(0, (now - then) / 1000) : 0;
}
