import { randomUUID } from "node:crypto";
import type { EnvelopeError, ErrorType } from "@/lib/contract/errors";
import { BuildkiteError } from "@/server/buildkite/errors";
import { CliError } from "./errors";

/** Buildkite's status → the contract's type; a status bkci has no better word for is internal. */
function typeForStatus(status: number): ErrorType {
  if (status === 401) return "auth_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found";
  if (status === 400 || status === 422) return "validation_error";
  if (status === 429) return "rate_limited";
  if (status >= 500) return "server_error";
  return "internal_error";
}

const codes: Record<ErrorType, string> = {
  auth_error: "unauthorized",
  permission_error: "forbidden",
  not_found: "not_found",
  validation_error: "rejected",
  rate_limited: "rate_limited",
  network_error: "unreachable",
  server_error: "upstream_error",
  internal_error: "internal",
};

const hints: Partial<Record<ErrorType, string>> = {
  auth_error: " Check the token (bkci auth.status), or store a new one with bkci auth.setup.",
  permission_error: " The token may lack a scope this command needs (bkci auth.status lists them).",
};

function fromBuildkite(error: BuildkiteError): EnvelopeError {
  const requestId = error.headers["x-request-id"] ?? randomUUID();
  // `source` says whose fault it is, as the console's API does: Buildkite's answer, or bkci's own refusal.
  const details: Record<string, unknown> = {
    source: "buildkite",
    attempts: error.attempts,
    method: error.method,
    path: error.path,
  };
  if (error.rateLimit) details.rateLimit = error.rateLimit;
  if (error.kind === "http" && error.status !== null) {
    const type = typeForStatus(error.status);
    if (type === "rate_limited" && error.rateLimit?.resetSeconds != null)
      details.retryAfterSeconds = error.rateLimit.resetSeconds;
    return {
      type,
      message: `${error.message}${hints[type] ?? ""}`,
      httpStatus: error.status,
      code: codes[type],
      // A rate limit passes; so, often, does a server error. Anything else needs the request changed.
      retryable: type === "rate_limited" || type === "server_error",
      requestId,
      details,
    };
  }
  // No usable answer: the connection failed or timed out (worth another try), or the body was malformed.
  const type: ErrorType = error.kind === "parse" ? "server_error" : "network_error";
  return {
    type,
    message: error.message,
    httpStatus: error.status,
    code: error.kind === "timeout" ? "timeout" : error.kind === "parse" ? "malformed_response" : codes[type],
    retryable: error.kind !== "parse" && error.kind !== "aborted",
    requestId,
    details,
  };
}

/** Anything a command threw, as the contract's error: never a stack trace, never a token. */
export function toEnvelopeError(error: unknown): EnvelopeError {
  if (error instanceof CliError)
    return {
      type: error.type,
      message: error.message,
      httpStatus: null,
      code: error.code,
      retryable: false,
      requestId: randomUUID(),
      details: { source: "bkci", ...error.details },
    };
  if (error instanceof BuildkiteError) return fromBuildkite(error);
  return {
    type: "internal_error",
    message: "bkci hit an unexpected error; run it again with --verbose to see more on stderr.",
    httpStatus: null,
    code: "internal",
    retryable: false,
    requestId: randomUUID(),
    details: { source: "bkci" },
  };
}

/** 2 for input the user must correct, 1 for every other failure. */
export const exitCodeFor = (type: ErrorType) => (type === "validation_error" ? 2 : 1);
