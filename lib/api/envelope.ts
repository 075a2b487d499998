import { z } from "zod";

// The JSON envelope every /api/v1 response uses (the bkci JSON envelope contract; the README's API section).
// Shared by the BFF, which builds it, and the browser, which parses it before use.

export const API_VERSION = "v1";

export const errorTypes = [
  "auth_error",
  "permission_error",
  "not_found",
  "validation_error",
  "rate_limited",
  "network_error",
  "server_error",
  "internal_error",
] as const;
export type ErrorType = (typeof errorTypes)[number];

/** Whose fault an error is: the console (its input, its operator, its own token) or Buildkite. */
export type ErrorSource = "console" | "buildkite";

export const paginationSchema = z.object({
  page: z.number().int().nullable(),
  perPage: z.number().int().nullable(),
  // A page number for REST lists; for the Stacks list, the opaque cursor to pass back as `after`.
  nextPage: z.union([z.number().int(), z.string()]).nullable(),
  prevPage: z.union([z.number().int(), z.string()]).nullable(),
  hasMore: z.boolean(),
});
export type Pagination = z.infer<typeof paginationSchema>;

export const envelopeErrorSchema = z.object({
  type: z.enum(errorTypes),
  message: z.string(),
  httpStatus: z.number().int().nullable(),
  code: z.string(),
  retryable: z.boolean(),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type EnvelopeError = z.infer<typeof envelopeErrorSchema>;

const baseEnvelope = {
  apiVersion: z.literal(API_VERSION),
  command: z.string(),
  request: z.record(z.string(), z.unknown()),
  summary: z.record(z.string(), z.unknown()),
  pagination: paginationSchema.nullable(),
};

export function envelopeSchema<D extends z.ZodType>(data: D) {
  return z.discriminatedUnion("ok", [
    z.object({ ...baseEnvelope, ok: z.literal(true), data, error: z.null() }),
    z.object({ ...baseEnvelope, ok: z.literal(false), data: z.null(), error: envelopeErrorSchema }),
  ]);
}

export interface SuccessEnvelope<D> {
  ok: true;
  apiVersion: typeof API_VERSION;
  command: string;
  request: Record<string, unknown>;
  summary: Record<string, unknown>;
  pagination: Pagination | null;
  data: D;
  error: null;
}

export interface FailureEnvelope {
  ok: false;
  apiVersion: typeof API_VERSION;
  command: string;
  request: Record<string, unknown>;
  summary: Record<string, unknown>;
  pagination: null;
  data: null;
  error: EnvelopeError;
}

export type Envelope<D> = SuccessEnvelope<D> | FailureEnvelope;
