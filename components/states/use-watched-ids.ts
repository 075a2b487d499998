"use client";

import { useCallback, useMemo } from "react";
import { useStoredString } from "@/components/ui/use-stored-string";
import { parseJobIdTokens } from "@/lib/job-id-tokens";

// The watched ids live in localStorage, per stack: a reload keeps them, and a thousand UUIDs would not
// fit in a URL the server accepts.

const storageKey = (stackKey: string) => `stack-console:watched-jobs:${stackKey}`;

export function useWatchedIds(stackKey: string): [string[], (ids: readonly string[]) => void] {
  const [raw, store] = useStoredString(storageKey(stackKey));
  // Parsed again because storage is input like any other: whatever is there must still be job ids.
  const ids = useMemo(() => parseJobIdTokens(raw ?? "").ids, [raw]);
  const setIds = useCallback((next: readonly string[]) => store(next.length === 0 ? null : next.join("\n")), [store]);
  return [ids, setIds];
}
