import { z } from "zod";

// Limits of the Stacks API (https://buildkite.com/docs/apis/agent-api/stacks), checked before any upstream
// call and shared with the browser so a form can refuse bad input inline with the same words the API would
// use.

export const MAX_BATCH_IDS = 1000;
/** A bulk action may cover every row the console lists; the server splits it into upstream batches. */
export const MAX_BULK_IDS = 5000;
export const FINISH_DETAIL_MAX_BYTES = 4096;
export const NOTIFICATION_DETAIL_MAX_CHARS = 256;
export const RESERVATION_EXPIRY_DEFAULT_SECONDS = 900;
export const RESERVATION_EXPIRY_MAX_SECONDS = 3600;
export const METADATA_MAX_KEYS = 100;
/** Buildkite keeps 255 characters of a pause note; the console puts the operator's name in front. */
export const PAUSE_NOTE_MAX_CHARS = 200;

export const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
/**
 * Characters as Buildkite counts a notification's `detail`: Unicode code points (an emoji is one, not the
 * two UTF-16 units of JavaScript's `length`). The form's counter, its check and the server all use this.
 */
export const charCount = (text: string) => [...text].length;

/** What is left of Buildkite's limit for the operator's own text once `signature` is appended to it. */
export const notificationRoom = (signature: string) => NOTIFICATION_DETAIL_MAX_CHARS - charCount(signature);

/**
 * The one length check of a notification, against the operator's room (Buildkite's 256 less their name):
 * the form and the server both say it in these words, whatever the length, so only one limit is ever shown.
 */
export const notificationLengthIssue = (text: string, room: number): string | null =>
  charCount(text) > room ? `must be at most ${room} characters so your name fits` : null;

export const stackKeyInput = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, "must be 1–80 letters, digits, _ or -");
// Queue keys double as agent tags (`queue=gpu.large`), so dots are allowed as well.
export const queueKeyInput = z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, "must be 1–100 letters, digits, _, - or .");
// Buildkite ids are UUIDs; the pattern is checked without insisting on an RFC version nibble.
export const jobIdInput = z.guid("must be a job UUID");

const idList = (max: number) =>
  z
    .array(jobIdInput)
    .min(1, "must name at least one job")
    .max(max, `must name at most ${max} jobs`)
    .refine((ids) => new Set(ids).size === ids.length, "must not name a job twice");

export const jobIdListInput = idList(MAX_BATCH_IDS);
export const bulkJobIdListInput = idList(MAX_BULK_IDS);

export const finishDetailInput = z
  .string()
  .refine((text) => text.trim().length > 0, "is required")
  .refine((text) => utf8Bytes(text) <= FINISH_DETAIL_MAX_BYTES, `must be at most ${FINISH_DETAIL_MAX_BYTES} bytes`);

export const exitStatusInput = z.number().int("must be a whole number").min(-2147483648).max(2147483647);

/** The length is checked against the operator's room (`notificationLengthIssue`) once they are known. */
export const notificationDetailInput = z.string().refine((text) => text.trim().length > 0, "is required");

export const reservationExpiryInput = z
  .number()
  .int("must be a whole number of seconds")
  .min(1, "must be at least 1 second")
  .max(RESERVATION_EXPIRY_MAX_SECONDS, `must be at most ${RESERVATION_EXPIRY_MAX_SECONDS} seconds`);

export const metadataInput = z
  .record(
    z.string().min(1, "keys must not be empty").max(64, "keys must be at most 64 characters"),
    z.string().max(256, "values must be at most 256 characters"),
  )
  .refine((map) => Object.keys(map).length <= METADATA_MAX_KEYS, `must have at most ${METADATA_MAX_KEYS} keys`);
