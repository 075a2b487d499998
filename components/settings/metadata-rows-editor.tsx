"use client";

import { Plus, X } from "lucide-react";
import { addRow, removeRow, updateRow, type MetadataRow, type RowIssue } from "@/lib/metadata-rows";
import { errorClass, inputClass, secondaryButton } from "@/components/ui/form-styles";

export const metadataInputId = (rowId: number, field: "key" | "value") => `metadata-${rowId}-${field}`;

export function MetadataRowsEditor({
  rows,
  issues,
  error,
  onChange,
}: {
  rows: MetadataRow[];
  issues: RowIssue[];
  error: string | undefined;
  onChange: (rows: MetadataRow[]) => void;
}) {
  return (
    <fieldset aria-describedby={error ? "metadata-error" : undefined}>
      <legend className="text-sm font-medium">Metadata</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Optional key/value pairs Buildkite keeps with the stack.
      </p>
      <ul className="mt-2 space-y-2">
        {rows.map((row, index) => {
          const n = index + 1;
          const rowIssues = issues.filter((issue) => issue.rowId === row.id);
          const issueFor = (field: "key" | "value") => rowIssues.find((issue) => issue.field === field);
          const described = rowIssues.length > 0 ? `metadata-${row.id}-error` : undefined;
          return (
            <li key={row.id}>
              <div className="flex items-start gap-2">
                {(["key", "value"] as const).map((field) => (
                  <div key={field} className="flex-1">
                    <label htmlFor={metadataInputId(row.id, field)} className="sr-only">
                      Metadata {field} {n}
                    </label>
                    <input
                      id={metadataInputId(row.id, field)}
                      value={row[field]}
                      placeholder={field}
                      onChange={(event) => onChange(updateRow(rows, row.id, { [field]: event.target.value }))}
                      aria-invalid={issueFor(field) ? true : undefined}
                      aria-describedby={issueFor(field) ? described : undefined}
                      className={`${inputClass} font-mono`}
                    />
                  </div>
                ))}
                <button
                  type="button"
                  aria-label={`Remove metadata row ${n}`}
                  onClick={() => onChange(removeRow(rows, row.id))}
                  className={`${secondaryButton} px-2`}
                >
                  <X aria-hidden="true" className="size-4" />
                </button>
              </div>
              {rowIssues.length > 0 && (
                <div id={described}>
                  {rowIssues.map((issue) => (
                    <p key={issue.field} className={errorClass}>
                      {issue.message}
                    </p>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {error && (
        <p id="metadata-error" className={errorClass}>
          {error}
        </p>
      )}
      <button
        type="button"
        onClick={() => onChange(addRow(rows))}
        className={`${secondaryButton} mt-2 inline-flex items-center gap-1`}
      >
        <Plus aria-hidden="true" className="size-4" />
        Add metadata row
      </button>
    </fieldset>
  );
}
