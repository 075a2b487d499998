import type { BuildkiteErrorKind } from "./errors";
import { scrubSecrets } from "./redact";

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "UND_ERR_CONNECT_TIMEOUT"]);
// A closed pool or a bad argument is our bug, not a flaky network: retrying cannot help.
const PERMANENT_CODES = new Set([
  "UND_ERR_INVALID_ARG",
  "UND_ERR_NOT_SUPPORTED",
  "UND_ERR_DESTROYED",
  "UND_ERR_CLOSED",
]);

export function classifyFailure(
  cause: unknown,
  callerSignal: AbortSignal | undefined,
  timeoutSignal: AbortSignal,
): { kind: BuildkiteErrorKind; retryable: boolean } {
  if (callerSignal?.aborted) return { kind: "aborted", retryable: false };
  if (timeoutSignal.aborted) return { kind: "timeout", retryable: true };
  const code = errorCode(cause);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { kind: "timeout", retryable: true };
  return { kind: "network", retryable: code === undefined || !PERMANENT_CODES.has(code) };
}

function errorCode(cause: unknown): string | undefined {
  if (typeof cause !== "object" || cause === null || !("code" in cause)) return undefined;
  return typeof cause.code === "string" ? cause.code : undefined;
}

export function failureMessage(
  kind: BuildkiteErrorKind,
  cause: unknown,
  timeoutMs: number,
  secrets: readonly string[],
): string {
  if (kind === "aborted") return "The request to Buildkite was aborted";
  if (kind === "timeout") return `Buildkite did not answer within ${timeoutMs} ms`;
  const detail = cause instanceof Error ? cause.message : String(cause);
  return scrubSecrets(`Could not reach Buildkite: ${detail}`, secrets);
}
