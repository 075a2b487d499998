import type { z } from "zod";
import {
  FINISH_DETAIL_MAX_BYTES,
  charCount,
  exitStatusInput,
  finishDetailInput,
  notificationDetailInput,
  notificationLengthIssue,
  reservationExpiryInput,
  utf8Bytes,
} from "./inputs/stacks";

// Inline checks for the job drawer's forms. They reuse the BFF's own schemas, so a form refuses exactly
// what the server would refuse, in the same words, without sending a request. Each message names its field
// because it is read out on its own by a screen reader.

function firstIssue(field: string, schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : `${field} ${result.error.issues[0]?.message ?? "is not valid"}.`;
}

/** Reads a whole number typed into a field; anything else becomes NaN so the schema rejects it. */
export function parseWholeNumber(raw: string): number {
  const text = raw.trim();
  return /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
}

export function expiryError(raw: string): string | null {
  const value = parseWholeNumber(raw);
  if (Number.isNaN(value)) return "Reservation expiry must be a whole number of seconds from 1 to 3600.";
  return firstIssue("Reservation expiry", reservationExpiryInput, value);
}

export function exitStatusError(raw: string): string | null {
  const value = parseWholeNumber(raw);
  if (Number.isNaN(value)) return "Exit status must be a whole number.";
  return firstIssue("Exit status", exitStatusInput, value);
}

export function reasonError(text: string): string | null {
  return firstIssue("Reason", finishDetailInput, text);
}

/** `maxChars` is what is left of Buildkite's limit once the console appends the operator's name. */
export function notificationError(text: string, maxChars: number): string | null {
  const tooLong = notificationLengthIssue(text, maxChars);
  return firstIssue("Notification", notificationDetailInput, text) ?? (tooLong && `Notification ${tooLong}.`);
}

export const reasonCounter = (text: string) => `${utf8Bytes(text)} / ${FINISH_DETAIL_MAX_BYTES} bytes`;
/** `maxChars` is undefined until the operator's room is known; the counter then counts without a limit. */
export const notificationCounter = (text: string, maxChars: number | undefined) =>
  maxChars === undefined ? `${charCount(text)} characters` : `${charCount(text)} / ${maxChars} characters`;
