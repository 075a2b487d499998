import { z } from "zod";
import { API_VERSION } from "@/lib/contract/envelope";
import { envelopeErrorSchema, type EnvelopeError } from "@/lib/contract/errors";
import { paginationSchema, type Pagination } from "@/lib/contract/pagination";

// The JSON envelope every /api/v1 response uses, shared by the BFF, which builds it, and the browser, which
// parses it before use. The contract's pieces live in lib/contract (one source for the API, bkci and the
// tests) and are re-exported here for the console's existing imports.
export { API_VERSION } from "@/lib/contract/envelope";
export { envelopeErrorSchema, errorTypes, type EnvelopeError, type ErrorType } from "@/lib/contract/errors";
export { paginationSchema, type Pagination } from "@/lib/contract/pagination";

/** Whose fault an error is: the console (its input, its operator, its own token) or Buildkite. */
export type ErrorSource = "console" | "buildkite";

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
