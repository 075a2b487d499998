import "server-only";
import type { EnvelopeError, ErrorType } from "@/lib/api/envelope";
import { BuildkiteError } from "../buildkite/errors";
import { ConsoleError } from "./console-error";

export const httpStatusFor: Record<ErrorType, number> = {
  validation_error: 400,
  auth_error: 401,
  permission_error: 403,
  not_found: 404,
  rate_limited: 429,
  network_error: 502,
  server_error: 502,
  internal_error: 500,
};

export interface MappedError {
  status: number;
  error: EnvelopeError;
  headers: Record<string, string>;
}

function upstreamType(status: number): ErrorType {
  if (status === 401) return "auth_error";
  if (status === 403) return "permission_error";
  if (status === 404) return "not_found";
  if (status === 429) return "rate_limited";
  // The console computes every byte range it asks for, so a range Buildkite cannot serve is never the
  // operator's input to correct.
  if (status >= 500 || status === 416) return "server_error";
  return "validation_error";
}

const upstreamCodes: Record<ErrorType, string> = {
  auth_error: "upstream_unauthorized",
  permission_error: "upstream_forbidden",
  not_found: "upstream_not_found",
  validation_error: "upstream_rejected",
  rate_limited: "upstream_rate_limited",
  network_error: "upstream_unreachable",
  server_error: "upstream_error",
  internal_error: "internal",
};

function fromBuildkite(error: BuildkiteError, requestId: string): MappedError {
  const headers: Record<string, string> = {};
  const details: Record<string, unknown> = { source: "buildkite", attempts: error.attempts };
  if (error.kind === "http" && error.status !== null) {
    const type = upstreamType(error.status);
    if (type === "rate_limited" && error.rateLimit?.resetSeconds != null) {
      details.retryAfterSeconds = error.rateLimit.resetSeconds;
      headers["retry-after"] = String(Math.max(1, Math.ceil(error.rateLimit.resetSeconds)));
    }
    if (error.rateLimit) details.rateLimit = error.rateLimit;
    const message = type === "auth_error" ? `Buildkite rejected the console's token: ${error.message}` : error.message;
    return {
      status: httpStatusFor[type],
      headers,
      error: {
        type,
        message,
        httpStatus: error.status,
        code: upstreamCodes[type],
        retryable: error.retryable,
        requestId,
        details,
      },
    };
  }
  const timeout = error.kind === "timeout";
  const type: ErrorType = error.kind === "parse" ? "server_error" : "network_error";
  return {
    status: timeout ? 504 : httpStatusFor[type],
    headers,
    error: {
      type,
      message: timeout ? "Buildkite did not answer in time" : error.message,
      httpStatus: error.status,
      code: timeout ? "upstream_timeout" : error.kind === "parse" ? "upstream_malformed" : upstreamCodes[type],
      retryable: error.retryable,
      requestId,
      details,
    },
  };
}

/** Turns anything thrown while serving a command into the contract's error, without leaking internals. */
export function toEnvelopeError(error: unknown, requestId: string): MappedError {
  if (error instanceof ConsoleError) {
    const retryAfter = error.details.retryAfterSeconds;
    const limited = error.type === "rate_limited" && typeof retryAfter === "number";
    return {
      status: error.status ?? httpStatusFor[error.type],
      headers: limited ? { "retry-after": String(retryAfter) } : {},
      error: {
        type: error.type,
        message: error.message,
        httpStatus: null,
        code: error.code,
        retryable: limited,
        requestId,
        details: { source: "console", ...error.details },
      },
    };
  }
  if (error instanceof BuildkiteError) return fromBuildkite(error, requestId);
  return {
    status: 500,
    headers: {},
    error: {
      type: "internal_error",
      message: "The console hit an unexpected error; it has been logged with this request id.",
      httpStatus: null,
      code: "internal",
      retryable: false,
      requestId,
      details: { source: "console" },
    },
  };
}
