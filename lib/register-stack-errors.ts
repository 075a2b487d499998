import { z } from "zod";
import type { EnvelopeError } from "./api/envelope";
import { rowsToMetadata, type MetadataRow, type RowIssue } from "./metadata-rows";
import { queueKeyInput, stackKeyInput } from "./inputs/stacks";

// What the register-stack form shows next to each field, whether the problem was caught in the browser or
// reported by the BFF (a validation_error lists {field, message} issues such as "body.queueKey").

export type RegisterField = "key" | "queueKey" | "metadata";

export interface RegisterErrors {
  fields: Partial<Record<RegisterField, string>>;
  rows: RowIssue[];
  /** A problem no single field owns (Buildkite refused, the network failed). */
  form: string | null;
}

export interface RegisterValues {
  key: string;
  queueKey: string;
  rows: readonly MetadataRow[];
}

export interface RegisterInput {
  key: string;
  queueKey: string;
  metadata: Record<string, string>;
}

const labels: Record<RegisterField, string> = { key: "Stack key", queueKey: "Queue key", metadata: "Metadata" };

export const hasErrors = (errors: RegisterErrors) =>
  Object.keys(errors.fields).length > 0 || errors.rows.length > 0 || errors.form !== null;

export function validateRegisterForm(
  values: RegisterValues,
): { input: RegisterInput; errors: null } | { input: null; errors: RegisterErrors } {
  const fields: RegisterErrors["fields"] = {};
  const key = stackKeyInput.safeParse(values.key);
  if (!key.success) fields.key = `${labels.key} ${key.error.issues[0]?.message ?? "is not valid"}`;
  const queueKey = queueKeyInput.safeParse(values.queueKey);
  if (!queueKey.success) fields.queueKey = `${labels.queueKey} ${queueKey.error.issues[0]?.message ?? "is not valid"}`;
  const { metadata, issues, tooMany } = rowsToMetadata(values.rows);
  if (tooMany) fields.metadata = tooMany;
  const errors: RegisterErrors = { fields, rows: issues, form: null };
  if (hasErrors(errors)) return { input: null, errors };
  return { input: { key: values.key, queueKey: values.queueKey, metadata }, errors: null };
}

const issuesSchema = z.array(z.object({ field: z.string(), message: z.string() }));

function fieldOf(path: string): { field: RegisterField; rest: string } | null {
  const match = /^body\.(key|queueKey|metadata)(?:\.(.*))?$/.exec(path);
  if (!match) return null;
  return { field: match[1] as RegisterField, rest: match[2] ?? "" };
}

/** Places the BFF's answer on the form: field issues beside their fields, anything else above it. */
export function registerErrorsFromApi(error: EnvelopeError): RegisterErrors {
  const errors: RegisterErrors = { fields: {}, rows: [], form: null };
  const issues = error.type === "validation_error" ? issuesSchema.safeParse(error.details.issues) : null;
  const unplaced: string[] = [];
  for (const issue of issues?.success ? issues.data : []) {
    const placed = fieldOf(issue.field);
    if (!placed) {
      unplaced.push(`${issue.field}: ${issue.message}`);
      continue;
    }
    const label = labels[placed.field];
    errors.fields[placed.field] ??= placed.rest
      ? `${label} “${placed.rest}”: ${issue.message}`
      : `${label} ${issue.message}`;
  }
  if (unplaced.length > 0) errors.form = unplaced.join("; ");
  else if (!hasErrors(errors)) errors.form = error.message;
  return errors;
}
