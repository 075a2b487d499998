"use client";

import { useCallback, useMemo, useState } from "react";
import { reconcileRows } from "@/lib/stable-rows";

interface Shown {
  viewKey: string;
  source: readonly string[];
  rows: readonly string[];
}

/**
 * The rows on screen for a view. A refresh only removes rows; new jobs wait in `newIds` until `merge`.
 * Changing the view (filters, sort) is the operator's own doing, so it shows the fresh order at once.
 */
export function useStableRows(sortedIds: readonly string[], viewKey: string) {
  const [shown, setShown] = useState<Shown | null>(null);
  let current = shown;
  if (current === null || current.viewKey !== viewKey || current.source !== sortedIds) {
    const previous = current === null || current.viewKey !== viewKey ? null : current.rows;
    current = { viewKey, source: sortedIds, rows: reconcileRows(previous, sortedIds).rows };
    // Adjusting state while rendering (React's documented pattern) avoids a frame showing stale rows.
    setShown(current);
  }
  const rows = current.rows;
  const newIds = useMemo(() => {
    const onScreen = new Set(rows);
    return sortedIds.filter((id) => !onScreen.has(id));
  }, [rows, sortedIds]);
  const merge = useCallback(() => setShown({ viewKey, source: sortedIds, rows: sortedIds }), [viewKey, sortedIds]);
  return { rows, newIds, merge };
}
