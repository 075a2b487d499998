"use client";

import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * False on the server and while React hydrates the server's HTML, true in every render after (and in
 * components first mounted in the browser). React re-renders with true straight after hydrating.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
