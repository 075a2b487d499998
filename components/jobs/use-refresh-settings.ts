"use client";

import { useCallback, useState, useSyncExternalStore } from "react";

export const MIN_REFRESH_MS = 1000;
const STORAGE_KEY = "stack-console.refresh-interval-ms";
const CHANGE_EVENT = "stack-console:refresh-interval";

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

/**
 * The refresh interval the operator chose (kept in localStorage, never below 1 s) and whether refreshing is
 * paused. Pausing is deliberately not remembered: a console that silently stopped refreshing after a
 * reload would show stale jobs as live.
 */
export function useRefreshSettings(defaultMs: number) {
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const parsed = stored === null || stored === "" ? Number.NaN : Number(stored);
  const intervalMs = Math.max(MIN_REFRESH_MS, Number.isFinite(parsed) ? parsed : defaultMs);
  const [paused, setPaused] = useState(false);

  const setIntervalMs = useCallback((ms: number) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, String(Math.max(MIN_REFRESH_MS, ms)));
      window.dispatchEvent(new Event(CHANGE_EVENT));
    } catch {
      // Private mode or a full quota: the interval stays as it was rather than failing the page.
    }
  }, []);

  return { intervalMs, setIntervalMs, paused, setPaused };
}
