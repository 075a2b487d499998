"use client";

import { Plus, X } from "lucide-react";
import { useId, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { errorClass, fieldClass, secondaryButton } from "@/components/ui/form-styles";
import { MAX_UNBLOCK_FIELDS, unblockFieldKeyInput, unblockFieldValueInput } from "@/lib/inputs/builds";

interface FieldRow {
  id: number;
  key: string;
  value: string;
}

/** The first problem with the rows, in the same words the server would use, or null when they can be sent. */
function rowsProblem(rows: readonly FieldRow[]): { rowId: number; message: string } | null {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.key.trim();
    if (key === "" && row.value === "") continue;
    const keyCheck = unblockFieldKeyInput.safeParse(key);
    if (!keyCheck.success)
      return { rowId: row.id, message: `Key ${keyCheck.error.issues[0]?.message ?? "is not valid"}` };
    if (seen.has(key)) return { rowId: row.id, message: `Key ${key} is given twice` };
    seen.add(key);
    const valueCheck = unblockFieldValueInput.safeParse(row.value);
    if (!valueCheck.success)
      return { rowId: row.id, message: `Value ${valueCheck.error.issues[0]?.message ?? "is not valid"}` };
  }
  return null;
}

/** The rows as Buildkite's `fields`; rows left wholly empty are not sent. */
const toFields = (rows: readonly FieldRow[]) =>
  Object.fromEntries(rows.filter((row) => row.key.trim() !== "").map((row) => [row.key.trim(), row.value]));

interface UnblockDialogProps {
  /** The block step's label (or short id) for the title; null when closed. */
  jobLabel: string | null;
  busy: boolean;
  onConfirm: (fields: Record<string, string>) => void;
  onCancel: () => void;
}

let nextRowId = 0;
const emptyRow = (): FieldRow => ({ id: nextRowId++, key: "", value: "" });

/**
 * Unblocks a block step. Buildkite's REST job does not describe the step's fields, so the operator enters
 * them as key/value rows (the keys the step's `fields` declare); Buildkite stores them as build meta-data.
 * The caller remounts it for each opening (a `key`), so every unblock starts from one empty row.
 */
export function UnblockDialog({ jobLabel, busy, onConfirm, onCancel }: UnblockDialogProps) {
  const id = useId();
  const [rows, setRows] = useState<FieldRow[]>(() => [emptyRow()]);
  const problem = rowsProblem(rows);
  const update = (rowId: number, change: Partial<FieldRow>) =>
    setRows((current) => current.map((row) => (row.id === rowId ? { ...row, ...change } : row)));

  return (
    <ConfirmDialog
      open={jobLabel !== null}
      // A block step's label is often a question already ("Deploy?"): one question mark is enough.
      title={`Unblock ${(jobLabel ?? "").replace(/\?+$/, "")}?`}
      busy={busy}
      busyLabel="Unblocking…"
      confirmDisabled={problem !== null}
      onConfirm={() => onConfirm(toFields(rows))}
      onCancel={onCancel}
    >
      <p>
        The build continues past this block step. Fields become the build&apos;s meta-data; leave them empty if the step
        asks for none.
      </p>
      <fieldset className="space-y-2" disabled={busy}>
        <legend className="font-medium text-zinc-900 dark:text-zinc-100">Fields</legend>
        {rows.map((row, index) => (
          <div key={row.id} className="flex items-start gap-2" data-testid="unblock-field">
            <label className="sr-only" htmlFor={`${id}-key-${row.id}`}>
              Field {index + 1} key
            </label>
            <input
              id={`${id}-key-${row.id}`}
              value={row.key}
              onChange={(event) => update(row.id, { key: event.target.value })}
              placeholder="key"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={problem?.rowId === row.id || undefined}
              aria-describedby={problem?.rowId === row.id ? `${id}-problem` : undefined}
              className={`${fieldClass} w-36 font-mono`}
            />
            <label className="sr-only" htmlFor={`${id}-value-${row.id}`}>
              Field {index + 1} value
            </label>
            <input
              id={`${id}-value-${row.id}`}
              value={row.value}
              onChange={(event) => update(row.id, { value: event.target.value })}
              placeholder="value"
              autoComplete="off"
              className={`${fieldClass} min-w-0 flex-1`}
            />
            <button
              type="button"
              className={`${secondaryButton} px-2`}
              aria-label={`Remove field ${index + 1}`}
              onClick={() =>
                setRows((current) => (current.length === 1 ? [emptyRow()] : current.filter((r) => r.id !== row.id)))
              }
            >
              <X aria-hidden className="size-4" />
            </button>
          </div>
        ))}
        {problem && (
          <p id={`${id}-problem`} role="alert" className={errorClass}>
            {problem.message}
          </p>
        )}
        {rows.length < MAX_UNBLOCK_FIELDS && (
          <button
            type="button"
            className={secondaryButton}
            onClick={() => setRows((current) => [...current, emptyRow()])}
          >
            <Plus aria-hidden className="size-4" />
            Add field
          </button>
        )}
      </fieldset>
    </ConfirmDialog>
  );
}
