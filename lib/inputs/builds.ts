import { z } from "zod";

// The unblock form's rules, shared by the browser's dialog and the server's validation so both refuse the
// same input with the same words.

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
