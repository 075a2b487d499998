"use client";

import { ChevronDown, ChevronUp, Search } from "lucide-react";
import { useId, type KeyboardEvent } from "react";
import type { LogSearch } from "@/lib/schemas/logs";

interface LogSearchBoxProps {
  text: string;
  onTextChange: (text: string) => void;
  caseSensitive: boolean;
  onCaseSensitiveChange: (value: boolean) => void;
  result: LogSearch | undefined;
  searching: boolean;
  failed: string | null;
  /** Index in `result.lines` of the match last moved to, or -1. */
  cursor: number;
  onNext: () => void;
  onPrevious: () => void;
}

function summary(result: LogSearch, cursor: number): string {
  const count = `${result.count.toLocaleString()} ${result.count === 1 ? "match" : "matches"}`;
  if (result.count === 0) return "No matches";
  const position = cursor >= 0 ? ` · ${cursor + 1} of ${result.count.toLocaleString()}` : "";
  return count + position;
}

/** Searches the whole log on the server; Enter and Shift+Enter move to the next and previous match. */
export function LogSearchBox({
  text,
  onTextChange,
  caseSensitive,
  onCaseSensitiveChange,
  result,
  searching,
  failed,
  cursor,
  onNext,
  onPrevious,
}: LogSearchBoxProps) {
  const inputId = useId();
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== "Enter") return;
    event.preventDefault();
    if (event.shiftKey) onPrevious();
    else onNext();
  };
  const navigable = result !== undefined && result.lines.length > 0;
  return (
    <div className="flex flex-wrap items-center gap-2" role="search">
      <label htmlFor={inputId} className="sr-only">
        Search the log
      </label>
      <div className="relative">
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2 size-3.5 -translate-y-1/2 text-zinc-400"
        />
        <input
          id={inputId}
          type="search"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Search the whole log"
          className="w-64 rounded-md border border-zinc-300 bg-white py-1 pr-2 pl-7 text-sm text-zinc-900 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
        />
      </div>
      <label className="flex items-center gap-1 text-sm text-zinc-600 dark:text-zinc-400">
        <input
          type="checkbox"
          checked={caseSensitive}
          onChange={(event) => onCaseSensitiveChange(event.target.checked)}
        />
        Match case
      </label>
      <button
        type="button"
        onClick={onPrevious}
        disabled={!navigable}
        aria-label="Previous match"
        className="rounded border border-zinc-300 p-1 disabled:opacity-40 dark:border-zinc-700"
      >
        <ChevronUp aria-hidden className="size-3.5" />
      </button>
      <button
        type="button"
        onClick={onNext}
        disabled={!navigable}
        aria-label="Next match"
        className="rounded border border-zinc-300 p-1 disabled:opacity-40 dark:border-zinc-700"
      >
        <ChevronDown aria-hidden className="size-3.5" />
      </button>
      <span className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite" data-testid="search-count">
        {failed ? `Search failed: ${failed}` : searching ? "Searching…" : result ? summary(result, cursor) : ""}
        {result && result.count > result.lines.length
          ? ` (next and previous reach the first ${result.lines.length.toLocaleString()})`
          : ""}
      </span>
    </div>
  );
}
