"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { logSearchQuery, type LogRef } from "@/lib/queries/logs";

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search over the whole log (on the server) as the operator types, and stepping through the matches:
 * each step hands the match's line to `goToLine`, which loads it if needed.
 */
export function useLogSearch(logRef: LogRef, goToLine: (line: number) => void) {
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [caseSensitive, setCaseSensitiveState] = useState(false);
  /** Index in the result's lines of the match last moved to, or -1. */
  const [cursor, setCursor] = useState(-1);
  const [currentMatch, setCurrentMatch] = useState<number | null>(null);
  const search = useQuery(logSearchQuery(logRef, query, caseSensitive));
  const result = query === "" ? undefined : search.data;
  const queryClient = useQueryClient();

  /** A new query starts again from its first match; the same one again (Enter, then the pause) keeps its place. */
  const queryRef = useRef("");
  const applyQuery = useCallback((next: string) => {
    if (queryRef.current === next) return;
    queryRef.current = next;
    setQuery(next);
    setCursor(-1);
    setCurrentMatch(null);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => applyQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, applyQuery]);

  const setCaseSensitive = useCallback((value: boolean) => {
    setCaseSensitiveState(value);
    setCursor(-1);
    setCurrentMatch(null);
  }, []);

  const move = async (step: 1 | -1) => {
    const trimmed = text.trim();
    if (trimmed === "") return;
    let lines = result?.lines ?? [];
    let from = cursor;
    if (trimmed !== query) {
      // Enter before the typing pause: search now, and go to the first (or last) match it finds.
      applyQuery(trimmed);
      from = -1;
      try {
        lines = (await queryClient.fetchQuery(logSearchQuery(logRef, trimmed, caseSensitive))).lines;
      } catch {
        return;
      }
    }
    if (lines.length === 0) return;
    const next = from < 0 ? (step === 1 ? 0 : lines.length - 1) : (from + step + lines.length) % lines.length;
    const line = lines[next];
    if (line === undefined) return;
    setCursor(next);
    setCurrentMatch(line);
    goToLine(line);
  };

  return {
    text,
    setText,
    query,
    caseSensitive,
    setCaseSensitive,
    result,
    searching: query !== "" && search.isFetching,
    failed: search.error ? search.error.message : null,
    cursor,
    currentMatch,
    next: () => void move(1),
    previous: () => void move(-1),
  };
}
