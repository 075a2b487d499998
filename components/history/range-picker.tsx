"use client";

import { historyRanges, type HistoryRange } from "@/lib/schemas/queue-history";
import { rangeWords } from "@/lib/history/ranges";

/** 1h · 24h · 7d as toggle buttons: the pressed one is the range every history chart shows. */
export function RangePicker({ range, onChange }: { range: HistoryRange; onChange: (range: HistoryRange) => void }) {
  return (
    <div
      role="group"
      aria-label="History range"
      className="inline-flex rounded-md border border-zinc-300 dark:border-zinc-700"
    >
      {historyRanges.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === range}
          title={`Show ${rangeWords[option]}`}
          onClick={() => onChange(option)}
          className="px-2.5 py-1 text-xs font-medium text-zinc-700 first:rounded-l-md last:rounded-r-md hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 aria-pressed:bg-zinc-900 aria-pressed:text-white dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-zinc-100 dark:aria-pressed:text-zinc-900"
        >
          {option}
        </button>
      ))}
    </div>
  );
}
