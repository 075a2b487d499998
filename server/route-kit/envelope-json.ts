import "server-only";
import { API_VERSION, type EnvelopeError, type FailureEnvelope } from "@/lib/api/envelope";

/** A failed command's envelope. */
export function failureEnvelope(
  command: string,
  error: EnvelopeError,
  request: Record<string, unknown> = {},
): FailureEnvelope {
  return { ok: false, apiVersion: API_VERSION, command, request, summary: {}, pagination: null, data: null, error };
}

/**
 * The envelope as JSON text. Serialising cannot fail for what commands answer, but if it ever did (a value
 * too deep or of a kind JSON lacks) the caller would get a bare 500 or a reset connection; instead it gets
 * an internal error built from plain strings, which always serialises.
 */
export function envelopeText(
  envelope: unknown,
  command: string,
  requestId: string,
): { text: string; serialised: boolean } {
  try {
    return { text: JSON.stringify(envelope), serialised: true };
  } catch {
    const error: EnvelopeError = {
      type: "internal_error",
      message: "The console could not write its answer; it has been logged with this request id.",
      httpStatus: null,
      code: "unserialisable",
      retryable: false,
      requestId,
      details: { source: "console" },
    };
    return { text: JSON.stringify(failureEnvelope(command, error)), serialised: false };
  }
}
