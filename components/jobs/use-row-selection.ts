"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { emptySelection, presentSelection, selectRange, toggle, toggleAll, type Selection } from "@/lib/selection";

/**
 * Which rows are selected: click toggles, shift-click selects the range from the last one clicked. The
 * handlers read the latest rows through a ref so they stay identical across refreshes, and the memoized
 * rows need not re-render just because the list around them changed.
 */
export function useRowSelection(rows: readonly string[], allIds: readonly string[]) {
  const [selection, setSelection] = useState<Selection>(emptySelection);
  const selectedIds = useMemo(() => presentSelection(selection, allIds), [selection, allIds]);
  const rowsRef = useRef(rows);
  const rangeAnchorRef = useRef<string | null>(null);
  useLayoutEffect(() => {
    rowsRef.current = rows;
  }, [rows]);

  const onToggle = useCallback((id: string, range: boolean) => {
    const currentRows = rowsRef.current;
    const anchor = rangeAnchorRef.current;
    setSelection((current) => (range ? selectRange(current, currentRows, anchor, id) : toggle(current, id)));
    rangeAnchorRef.current = id;
  }, []);
  const onToggleAll = useCallback(() => {
    const currentRows = rowsRef.current;
    setSelection((current) => toggleAll(current, currentRows));
  }, []);
  const clearSelection = useCallback(() => setSelection(emptySelection), []);
  /** Exactly these rows, as a triage finding lists them. */
  const selectOnly = useCallback((ids: readonly string[]) => setSelection(new Set(ids)), []);
  return { selection, selectedIds, onToggle, onToggleAll, clearSelection, selectOnly };
}
