"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";
import { parseJobIdTokens } from "@/lib/job-id-tokens";

// The watched ids live in localStorage, per stack: a reload keeps them, and a thousand UUIDs would not
// fit in a URL the server accepts. Read as an external store so the server render (nothing watched) and
// the browser's stored list never mismatch during hydration.

const storageKey = (stackKey: string) => `stack-console:watched-jobs:${stackKey}`;
const listeners = new Set<() => void>();

function subscribe(onChange: () => void) {
  listeners.add(onChange);
  window.addEventListener("storage", onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener("storage", onChange);
  };
}

// Where the list lives when storage is blocked: the page still works, it just forgets on reload.
const memory = new Map<string, string>();

function read(stackKey: string): string {
  try {
    return window.localStorage.getItem(storageKey(stackKey)) ?? "";
  } catch {
    return memory.get(stackKey) ?? "";
  }
}

function write(stackKey: string, ids: readonly string[]) {
  const value = ids.join("\n");
  memory.set(stackKey, value);
  try {
    if (value === "") window.localStorage.removeItem(storageKey(stackKey));
    else window.localStorage.setItem(storageKey(stackKey), value);
  } catch {
    // Kept in memory above.
  }
  for (const listener of listeners) listener();
}

export function useWatchedIds(stackKey: string): [string[], (ids: readonly string[]) => void] {
  const raw = useSyncExternalStore(
    subscribe,
    () => read(stackKey),
    () => "",
  );
  // Parsed again because storage is input like any other: whatever is there must still be job ids.
  const ids = useMemo(() => parseJobIdTokens(raw).ids, [raw]);
  const setIds = useCallback((next: readonly string[]) => write(stackKey, next), [stackKey]);
  return [ids, setIds];
}
