"use client";

import { useCallback, useSyncExternalStore } from "react";

export type TimeZoneChoice = "local" | "utc";

export interface TimestampSettings {
  show: boolean;
  zone: TimeZoneChoice;
}

const STORAGE_KEY = "stack-console.log-timestamps";
const CHANGE_EVENT = "stack-console:log-timestamps";
const DEFAULTS: TimestampSettings = { show: false, zone: "local" };

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

const readStored = () => {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
};

function parseStored(stored: string | null): TimestampSettings {
  if (stored === null) return DEFAULTS;
  const [show, zone] = stored.split(",");
  return { show: show === "shown", zone: zone === "utc" ? "utc" : "local" };
}

/** Whether log lines show their timestamps, and in which zone; remembered across visits and tabs. */
export function useTimestampSettings() {
  const settings = parseStored(useSyncExternalStore(subscribe, readStored, () => null));
  const update = useCallback((next: TimestampSettings) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, `${next.show ? "shown" : "hidden"},${next.zone}`);
      window.dispatchEvent(new Event(CHANGE_EVENT));
    } catch {
      // Private mode or a full quota: the choice lasts only until the page is left.
    }
  }, []);
  return { settings, update };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** A line's time as HH:MM:SS.mmm in the chosen zone. */
export function formatLineTime(ms: number, zone: TimeZoneChoice): string {
  const date = new Date(ms);
  return zone === "utc"
    ? `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`
    : `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

/** A group's duration: "850ms", "42s", "3m 05s", "1h 02m". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s`;
  return `${Math.floor(s / 3600)}h ${pad(Math.floor((s % 3600) / 60))}m`;
}
