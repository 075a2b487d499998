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
