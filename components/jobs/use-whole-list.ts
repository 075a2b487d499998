"use client";

import { useCallback, useEffect, useRef } from "react";

/**
 * Lets an action that needs every job (jump to job) wait while the page still holds only the HTML's first
 * screen of rows: the promise resolves once the whole list is committed, at once if it already is.
 */
export function useWholeList(partial: boolean): () => Promise<void> {
  const waiting = useRef<(() => void)[]>([]);
  const partialNow = useRef(partial);
  useEffect(() => {
    partialNow.current = partial;
    if (!partial) for (const resolve of waiting.current.splice(0)) resolve();
  }, [partial]);
  return useCallback(
    () => (partialNow.current ? new Promise<void>((resolve) => waiting.current.push(resolve)) : Promise.resolve()),
    [],
  );
}
