"use client";

import { useCallback, useState } from "react";
import { useStoredString } from "@/components/ui/use-stored-string";

export const MIN_REFRESH_MS = 1000;
const STORAGE_KEY = "stack-console.refresh-interval-ms";

/**
 * The refresh interval the operator chose (kept in localStorage, never below 1 s) and whether refreshing is
 * paused. Pausing is deliberately not remembered: a console that silently stopped refreshing after a
 * reload would show stale jobs as live.
 */
export function useRefreshSettings(defaultMs: number) {
  const [stored, store] = useStoredString(STORAGE_KEY);
  const parsed = stored === null || stored === "" ? Number.NaN : Number(stored);
  const intervalMs = Math.max(MIN_REFRESH_MS, Number.isFinite(parsed) ? parsed : defaultMs);
  const [paused, setPaused] = useState(false);

  const setIntervalMs = useCallback((ms: number) => store(String(Math.max(MIN_REFRESH_MS, ms))), [store]);

  return { intervalMs, setIntervalMs, paused, setPaused };
}
