import { z } from "zod";

// Names of pipelines and artifacts, checked before any REST call by the console's API and by bkci.

export const pipelineSlugInput = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "must be a pipeline slug (letters, digits, - or _)");
export const artifactIdInput = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "must be an artifact id");

// The unblock form's rules, shared by the browser's dialog and the server's validation (and bkci) so all
// refuse the same input with the same words.

/** Buildkite's rule for a block step field's `key`: letters, digits, slashes, dashes or underscores. */
export const UNBLOCK_FIELD_KEY = /^[A-Za-z0-9/_-]{1,100}$/;
export const MAX_UNBLOCK_FIELDS = 50;
export const MAX_UNBLOCK_VALUE_CHARS = 4096;

export const unblockFieldKeyInput = z
  .string()
  .regex(UNBLOCK_FIELD_KEY, "must be a field key of 1 to 100 letters, digits, /, - or _");
export const unblockFieldValueInput = z
  .string()
  .max(MAX_UNBLOCK_VALUE_CHARS, `must be at most ${MAX_UNBLOCK_VALUE_CHARS} characters`);

export const unblockBodyInput = z.object({
  fields: z
    .record(unblockFieldKeyInput, unblockFieldValueInput)
    .refine(
      (fields) => Object.keys(fields).length <= MAX_UNBLOCK_FIELDS,
      `must have at most ${MAX_UNBLOCK_FIELDS} fields`,
    )
    .default({}),
});
