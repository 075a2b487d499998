"use client";

import { useLayoutEffect } from "react";
import { recordMeasure } from "@/lib/user-timing";

/**
 * Records how long React took from starting to render a component to committing it, as a User Timing
 * measure named `name`, whenever `deps` change. A benchmark reads it with
 * `performance.getEntriesByName(name)`; unobserved it costs one mark per render.
 */
export function useCommitTiming(name: string, deps: readonly unknown[]): void {
  const startMark = `${name}:render-start`;
  if (typeof performance !== "undefined") {
    // One live mark per name: re-marking every render (the clock ticks each second) must not pile up.
    performance.clearMarks(startMark);
    performance.mark(startMark);
  }
  useLayoutEffect(() => {
    recordMeasure(name, startMark);
    // Only a change of `deps` (fresh rows) is a commit worth timing; ticking clocks are not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
