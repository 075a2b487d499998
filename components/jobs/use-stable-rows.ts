"use client";

import { useCallback, useMemo, useState } from "react";
import { continueRows, reconcileRows } from "@/lib/stable-rows";

interface Shown {
  filtersKey: string;
  source: readonly string[];
  rows: readonly string[];
  /** The rows came from the HTML's first screen, not the whole list. */
  partial: boolean;
}

/**
 * The rows on screen for the filters and sort in force. A refresh only removes rows; new jobs wait in `newIds` until `merge`.
 * Changing the filters or sort is the operator's own doing, so it shows the fresh order at once. `partial`
 * says `sortedIds` is the HTML's first screen of rows: the whole list then continues it (see continueRows).
 */
export function useStableRows(sortedIds: readonly string[], filtersKey: string, partial = false) {
  const [shown, setShown] = useState<Shown | null>(null);
  let current = shown;
  if (current === null || current.filtersKey !== filtersKey || current.source !== sortedIds) {
    const previous = current === null || current.filtersKey !== filtersKey ? null : current;
    const rows =
      previous?.partial && !partial
        ? continueRows(previous.rows, sortedIds).rows
        : reconcileRows(previous?.rows ?? null, sortedIds).rows;
    current = { filtersKey, source: sortedIds, rows, partial };
    // Adjusting state while rendering (React's documented pattern) avoids a frame showing stale rows.
    setShown(current);
  }
  const rows = current.rows;
  const newIds = useMemo(() => {
    const onScreen = new Set(rows);
    return sortedIds.filter((id) => !onScreen.has(id));
  }, [rows, sortedIds]);
  const merge = useCallback(
    () => setShown({ filtersKey, source: sortedIds, rows: sortedIds, partial }),
    [filtersKey, sortedIds, partial],
  );
  return { rows, newIds, merge };
}
