"use client";

import { useCallback, useSyncExternalStore } from "react";

// Choices the operator made, kept in localStorage. Read as an external store so the server render (no
// choice yet) and the browser's stored one never mismatch during hydration, and shared live between every
// component and tab using the same key. Where storage is blocked the choice lasts as long as the page.

const listeners = new Set<() => void>();
const memory = new Map<string, string | null>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return memory.get(key) ?? null;
  }
}

function write(key: string, value: string | null) {
  memory.set(key, value);
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Private mode or a full quota: kept in memory above.
  }
  for (const listener of listeners) listener();
}

/** The stored string under `key` (null when none) and a setter; null removes it. */
export function useStoredString(key: string): [string | null, (value: string | null) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => read(key),
    () => null,
  );
  const set = useCallback((next: string | null) => write(key, next), [key]);
  return [value, set];
}
