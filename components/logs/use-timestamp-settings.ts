"use client";

import { useCallback } from "react";
import { useStoredString } from "@/components/ui/use-stored-string";

export type TimeZoneChoice = "local" | "utc";

export interface TimestampSettings {
  show: boolean;
  zone: TimeZoneChoice;
}

const STORAGE_KEY = "stack-console.log-timestamps";
const DEFAULTS: TimestampSettings = { show: false, zone: "local" };

function parseStored(stored: string | null): TimestampSettings {
  if (stored === null) return DEFAULTS;
  const [show, zone] = stored.split(",");
  return { show: show === "shown", zone: zone === "utc" ? "utc" : "local" };
}

/** Whether log lines show their timestamps, and in which zone; remembered across visits and tabs. */
export function useTimestampSettings() {
  const [stored, store] = useStoredString(STORAGE_KEY);
  const update = useCallback(
    (next: TimestampSettings) => store(`${next.show ? "shown" : "hidden"},${next.zone}`),
    [store],
  );
  return { settings: parseStored(stored), update };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A line's time as HH:MM:SS.mmm in the chosen zone. */
export function formatLineTime(ms: number, zone: TimeZoneChoice): string {
  const date = new Date(ms);
  return zone === "utc"
    ? `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
    : `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}
