import type { EnvelopeError } from "./envelope";

/** A failed /api/v1 call as the browser sees it: the envelope's error, or a transport failure. */
export class ApiError extends Error {
  constructor(
    readonly error: EnvelopeError,
    readonly status: number,
  ) {
    super(error.message);
    this.name = "ApiError";
  }
}

/** A failure in one line for the operator: the envelope's type and message, or a transport error's message. */
export const errorText = (error: unknown): string | null =>
  error instanceof ApiError ? `${error.error.type}: ${error.message}` : error instanceof Error ? error.message : null;
