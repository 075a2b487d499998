"use client";

import { findJobId, shortId } from "@/lib/filters/jobs";

interface JumpTargets {
  rows: readonly string[];
  /** Jobs waiting behind "+N new". */
  newIds: readonly string[];
  allIds: readonly string[];
  focusRow(id: string): void;
  /** Shows the new jobs, then focuses and scrolls to `id` once they are on screen. */
  mergeAndFocus(id: string): void;
}

/**
 * "Jump to job": focuses the row an id (or its prefix) names, showing it first if it waits behind "+N new";
 * otherwise says why it cannot (hidden by the filters, or not scheduled at all).
 */
export function useJobJump({ rows, newIds, allIds, focusRow, mergeAndFocus }: JumpTargets) {
  return (query: string): string | null => {
    const onScreen = findJobId(rows, query);
    if (onScreen) {
      focusRow(onScreen);
      return null;
    }
    const waiting = findJobId(newIds, query);
    if (waiting) {
      mergeAndFocus(waiting);
      return null;
    }
    const hidden = findJobId(allIds, query);
    if (hidden) return `Job ${shortId(hidden)} is hidden by the filters.`;
    return `No scheduled job matches “${query.trim()}”.`;
  };
}
