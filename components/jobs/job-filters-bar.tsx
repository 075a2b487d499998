"use client";

import { useId, useRef, useState, type Ref } from "react";
import type { JobFilters } from "@/lib/filters/jobs";

type TextFilter = "pipeline" | "branch" | "step" | "rules";

const FIELDS: { key: TextFilter; label: string; placeholder: string }[] = [
  { key: "pipeline", label: "Pipeline", placeholder: "any pipeline" },
  { key: "branch", label: "Branch", placeholder: "any branch" },
  { key: "step", label: "Step key", placeholder: "any step" },
  { key: "rules", label: "Query rules", placeholder: "e.g. os=linux" },
];

const input =
  "w-full rounded-md border border-zinc-300 bg-white px-2 py-1.5 text-sm text-zinc-900 placeholder:text-zinc-400 dark:border-zinc-700 dark:placeholder:text-zinc-500 dark:bg-zinc-900 dark:text-zinc-100";

interface FiltersBarProps {
  filters: JobFilters;
  onChange: (update: Partial<JobFilters>) => void;
  firstFilterRef: Ref<HTMLInputElement>;
  /** Finds the job and scrolls to it (or opens it); resolves to a message when it cannot. */
  onJump: (query: string) => Promise<string | null>;
}

export function JobFiltersBar({ filters, onChange, firstFilterRef, onJump }: FiltersBarProps) {
  const baseId = useId();
  const [jumpQuery, setJumpQuery] = useState("");
  const [jumpMessage, setJumpMessage] = useState<string | null>(null);
  // A lookup may answer after the operator has typed on: only the latest jump may speak.
  const jumpSeq = useRef(0);

  return (
    <div className="flex flex-wrap items-end gap-3">
      {FIELDS.map((field, index) => (
        <div key={field.key} className="w-40">
          <label
            htmlFor={`${baseId}-${field.key}`}
            className="block text-xs font-medium text-zinc-600 dark:text-zinc-400"
          >
            {field.label}
          </label>
          <input
            id={`${baseId}-${field.key}`}
            ref={index === 0 ? firstFilterRef : undefined}
            type="search"
            value={filters[field.key]}
            placeholder={field.placeholder}
            onChange={(event) => onChange({ [field.key]: event.target.value })}
            className={input}
          />
        </div>
      ))}
      <form
        className="ml-auto w-64"
        role="search"
        aria-label="Find a job"
        onSubmit={(event) => {
          event.preventDefault();
          const seq = ++jumpSeq.current;
          void onJump(jumpQuery).then((message) => {
            if (seq === jumpSeq.current) setJumpMessage(message);
          });
        }}
      >
        <label htmlFor={`${baseId}-jump`} className="block text-xs font-medium text-zinc-600 dark:text-zinc-400">
          Jump to job
        </label>
        <div className="flex gap-1">
          <input
            id={`${baseId}-jump`}
            value={jumpQuery}
            placeholder="job id or prefix"
            onChange={(event) => {
              setJumpQuery(event.target.value);
              setJumpMessage(null);
              jumpSeq.current += 1;
            }}
            aria-describedby={jumpMessage ? `${baseId}-jump-message` : undefined}
            className={`${input} font-mono`}
          />
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 text-sm font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
          >
            Go
          </button>
        </div>
        {jumpMessage && (
          <p id={`${baseId}-jump-message`} role="status" className="mt-1 text-xs text-amber-700 dark:text-amber-400">
            {jumpMessage}
          </p>
        )}
      </form>
    </div>
  );
}
