"use client";

import { useHydrated } from "./use-hydrated";

type Part = "datetime" | "time";

const local: Record<Part, (date: Date) => string> = {
  datetime: (date) => date.toLocaleString(),
  time: (date) => date.toLocaleTimeString(),
};

/** "2026-12-06 06:12:03 UTC" or "06:12:03 UTC": the same text wherever it is formatted. */
function utc(date: Date, part: Part): string {
  const iso = date.toISOString();
  return `${part === "time" ? iso.slice(11, 19) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`} UTC`;
}

/**
 * A moment in the viewer's time zone and locale. The server knows neither (its own would make the browser's
 * first render differ, and React would throw the page's HTML away), so the server's HTML and the hydrating
 * render show it in UTC, and the browser rewrites it in local time straight after hydrating.
 */
export function LocalTime({ iso, part = "datetime" }: { iso: string; part?: Part }) {
  const hydrated = useHydrated();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <time>{iso}</time>;
  return (
    <time dateTime={iso} title={iso}>
      {hydrated ? local[part](date) : utc(date, part)}
    </time>
  );
}
