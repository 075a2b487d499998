import { z } from "zod";

const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");
export const codePoints = (text: string): number => [...text].length;

export const registerBody = z.object({
  key: z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, "must be 1 to 80 letters, digits, _ or -"),
  type: z.enum(["custom", "kubernetes", "elastic"]),
  queue_key: z.string().min(1),
  // Optional: a client that omits an empty map must still be able to register.
  metadata: z
    .record(
      z.string().max(64, "metadata keys must be at most 64 characters"),
      z.string().max(256, "metadata values must be at most 256 characters"),
    )
    .refine((metadata) => Object.keys(metadata).length <= 100, "metadata may have at most 100 keys")
    .optional(),
});

const jobUuids = z.array(z.string()).max(1000, "at most 1000 job_uuids per request");

export const reserveBody = z.object({
  job_uuids: jobUuids,
  reservation_expiry_seconds: z.number().int().min(1).max(3600).optional(),
});

export const getStatesBody = z.object({ job_uuids: jobUuids });

export const finishBody = z.object({
  exit_status: z.number().int().optional(),
  detail: z
    .string()
    .refine((detail) => utf8Bytes(detail) >= 1, "detail is required")
    .refine((detail) => utf8Bytes(detail) <= 4096, "detail must be at most 4096 bytes"),
});

/** Per-item content rules are checked later so they fail that index only, as the API reports them. */
export const notificationsBody = z.object({
  notifications: z
    .array(z.object({ job_uuid: z.string(), detail: z.string(), timestamp: z.string().optional() }))
    .max(1000, "at most 1000 notifications per request"),
});

export const legacyNotificationBody = z.object({
  detail: z
    .string()
    .refine((detail) => codePoints(detail) >= 1 && codePoints(detail) <= 255, "detail must be 1 to 255 characters"),
});
