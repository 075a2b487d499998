import type { z } from "zod";
import {
  FINISH_DETAIL_MAX_BYTES,
  RESERVATION_EXPIRY_MAX_SECONDS,
  exitStatusInput,
  finishDetailInput,
  reservationExpiryInput,
  utf8Bytes,
} from "./stacks";

// The bulk forms' fields as typed text, checked with the same schemas the BFF applies, so a bad value is
// refused next to its field and never costs a request.

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };

const wholeNumber = /^[+-]?\d+$/;

function checkInteger(text: string, label: string, schema: z.ZodNumber): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: `${label} is required` };
  if (!wholeNumber.test(trimmed)) return { ok: false, error: `${label} must be a whole number` };
  const parsed = schema.safeParse(Number(trimmed));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `${label} ${parsed.error.issues[0]?.message ?? "is invalid"}` };
}

export const checkExpiry = (text: string) => checkInteger(text, "Expiry", reservationExpiryInput);

export const checkExitStatus = (text: string) => checkInteger(text, "Exit status", exitStatusInput);

export function checkReason(text: string): Checked<string> {
  const parsed = finishDetailInput.safeParse(text);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, error: `Reason ${parsed.error.issues[0]?.message ?? "is invalid"}` };
}

/** "12 / 4096 bytes": bytes, not characters, because Buildkite's limit is on the UTF-8 encoding. */
export function reasonByteCount(text: string): { bytes: number; max: number; over: boolean; label: string } {
  const bytes = utf8Bytes(text);
  return {
    bytes,
    max: FINISH_DETAIL_MAX_BYTES,
    over: bytes > FINISH_DETAIL_MAX_BYTES,
    label: `${bytes} / ${FINISH_DETAIL_MAX_BYTES} bytes`,
  };
}

export const EXPIRY_HINT = `1–${RESERVATION_EXPIRY_MAX_SECONDS} seconds`;
