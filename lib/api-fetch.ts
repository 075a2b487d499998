import type { z } from "zod";
import { ApiError } from "./api-error";
import { envelopeSchema, type Envelope, type SuccessEnvelope } from "./envelope";

function transportError(message: string, status: number): ApiError {
  return new ApiError(
    { type: "network_error", message, httpStatus: null, code: "bff_unreachable", retryable: true, requestId: "", details: { source: "console" } },
    status,
  );
}

/** Calls the console's own API and parses the envelope (and its data) before anything uses it. */
export async function apiFetch<D extends z.ZodType>(
  url: string,
  data: D,
  init?: RequestInit,
): Promise<SuccessEnvelope<z.infer<D>>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw transportError("The console's server could not be reached.", 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw transportError(`The console's server answered ${response.status} without JSON.`, response.status);
  }
  const parsed = envelopeSchema(data).safeParse(body);
  if (!parsed.success) throw transportError("The console's server answered in an unexpected shape.", response.status);
  const envelope = parsed.data as Envelope<z.infer<D>>;
  if (!envelope.ok) throw new ApiError(envelope.error, response.status);
  return envelope;
}
