import { z } from "zod";

// The contract's error object (cli-json-contract.md, "Error contract"); the console's API and bkci both send it.

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

export const envelopeErrorSchema = z.object({
  type: z.enum(errorTypes),
  message: z.string(),
  // Null when Buildkite never answered (a dropped connection, a refusal before anything was sent).
  httpStatus: z.number().int().nullable(),
  code: z.string(),
  retryable: z.boolean(),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type EnvelopeError = z.infer<typeof envelopeErrorSchema>;
