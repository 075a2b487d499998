import { METADATA_MAX_KEYS, metadataInput } from "./inputs/stacks";

// The stack form edits metadata as rows of key and value; the API takes a map. Rows keep a stable id so
// React keeps each input's focus and errors attached to the right row when another is removed.

export interface MetadataRow {
  id: number;
  key: string;
  value: string;
}

export interface RowIssue {
  rowId: number;
  field: "key" | "value";
  message: string;
}

export const addRow = (rows: readonly MetadataRow[]): MetadataRow[] => [
  ...rows,
  { id: rows.reduce((max, row) => Math.max(max, row.id), 0) + 1, key: "", value: "" },
];

export const removeRow = (rows: readonly MetadataRow[], id: number): MetadataRow[] =>
  rows.filter((row) => row.id !== id);

export const updateRow = (
  rows: readonly MetadataRow[],
  id: number,
  change: Partial<Pick<MetadataRow, "key" | "value">>,
): MetadataRow[] => rows.map((row) => (row.id === id ? { ...row, ...change } : row));

const isBlank = (row: MetadataRow) => row.key.trim() === "" && row.value.trim() === "";

/** Checks one entry with the API's own schema, so the form and the server refuse with the same words. */
function entryIssues(row: MetadataRow, label: string): RowIssue[] {
  const result = metadataInput.safeParse({ [row.key]: row.value });
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = issue.code === "invalid_key" ? "key" : "value";
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    return { rowId: row.id, field, message: `${label}: ${message}` };
  });
}

/**
 * The map the API receives, or what is wrong with each row. Fully blank rows are ignored (an untouched
 * "add" is not an error); a value without a key, a key given twice, and keys or values over the API's
 * limits are named by row number as the operator sees it.
 */
export function rowsToMetadata(rows: readonly MetadataRow[]): {
  metadata: Record<string, string>;
  issues: RowIssue[];
  tooMany: string | null;
} {
  const metadata: Record<string, string> = {};
  const issues: RowIssue[] = [];
  rows.forEach((row, index) => {
    if (isBlank(row)) return;
    const label = `Metadata row ${index + 1}`;
    if (row.key === "") {
      issues.push({ rowId: row.id, field: "key", message: `${label}: a key is required` });
      return;
    }
    if (Object.hasOwn(metadata, row.key)) {
      issues.push({ rowId: row.id, field: "key", message: `${label}: key “${row.key}” is already used above` });
      return;
    }
    const rowIssues = entryIssues(row, label);
    issues.push(...rowIssues);
    if (rowIssues.length === 0) metadata[row.key] = row.value;
  });
  const count = Object.keys(metadata).length;
  const tooMany =
    count > METADATA_MAX_KEYS ? `Metadata must have at most ${METADATA_MAX_KEYS} keys (${count} given)` : null;
  return { metadata, issues, tooMany };
}
