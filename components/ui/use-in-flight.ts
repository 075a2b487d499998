"use client";

import { useCallback, useRef, useState } from "react";

/**
 * A latch for a submit that sends a request: taken synchronously on the first submit and held until the
 * request settles. A mutation's own `isPending` only reaches the component a macrotask later, so a
 * double-click (two clicks 0–1 ms apart) would otherwise send the request twice.
 */
export function useInFlight() {
  const held = useRef(false);
  const [inFlight, setInFlight] = useState(false);
  /** True when the caller may send now (the latch is taken); false while an earlier send is in flight. */
  const begin = useCallback(() => {
    if (held.current) return false;
    held.current = true;
    setInFlight(true);
    return true;
  }, []);
  const settle = useCallback(() => {
    held.current = false;
    setInFlight(false);
  }, []);
  return { inFlight, begin, settle };
}
