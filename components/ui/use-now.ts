"use client";

import { useContext, useEffect, useState } from "react";
import { RenderTimeContext } from "./render-time";
import { useHydrated } from "./use-hydrated";

/**
 * The current time, re-read every `intervalMs`, so ages on screen tick without refetching anything. On the
 * server and while hydrating it is the time the server rendered the page (see RenderTimeContext).
 */
export function useNow(intervalMs = 1000): number {
  const renderedAt = useContext(RenderTimeContext);
  const hydrated = useHydrated();
  const [now, setNow] = useState(() => (!hydrated && renderedAt !== null ? renderedAt : Date.now()));
  useEffect(() => {
    const tick = () => setNow(Date.now());
    // Just hydrated, the server's time is as old as the page load: catch up at once, not a tick later.
    const catchUp = setTimeout(tick, 0);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(catchUp);
      clearInterval(timer);
    };
  }, [intervalMs]);
  return now;
}
