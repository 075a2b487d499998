"use client";

import { useId, useState, type ReactNode } from "react";
import { linkButton } from "@/components/ui/form-styles";

/**
 * A chart's "table view": the same figures as an accessible table, for screen readers, for copying into an
 * incident channel, and for anyone who reads numbers faster than shapes. Closed by default, so the charts
 * keep their compact height above the jobs table.
 */
export function DataTableToggle({ subject, children }: { subject: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className={`${linkButton} text-xs`}
      >
        {open ? "Hide" : "Show"} table view <span className="sr-only">of {subject}</span>
      </button>
      {open && (
        // Scrolls within itself, so a week of samples does not push the jobs table away; focusable so a
        // keyboard can scroll it.
        <div
          id={id}
          tabIndex={0}
          role="region"
          aria-label={`${subject} as a table`}
          className="mt-2 max-h-64 overflow-auto rounded border border-zinc-200 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-800"
        >
          {children}
        </div>
      )}
    </div>
  );
}
