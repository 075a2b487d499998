"use client";

import { ArrowUpToLine } from "lucide-react";

/**
 * New jobs are announced rather than inserted, so the rows the operator is reading do not move. They are
 * merged only on request (or when nothing is on screen), never automatically while scrolled to the top:
 * an operator about to click a row at the top would otherwise hit the wrong job.
 */
export function NewJobsButton({ count, onShow }: { count: number; onShow: () => void }) {
  if (count === 0) return null;
  const label = `Show ${count} new ${count === 1 ? "job" : "jobs"}`;
  return (
    <button
      type="button"
      onClick={onShow}
      aria-label={label}
      title={label}
      className="inline-flex items-center gap-1.5 rounded-full bg-blue-600 px-3 py-1 text-sm font-semibold text-white shadow-sm hover:bg-blue-500 dark:bg-blue-500 dark:hover:bg-blue-400"
    >
      <ArrowUpToLine aria-hidden className="size-3.5" />+{count} new
    </button>
  );
}
