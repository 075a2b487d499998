import { z } from "zod";
import { ApiError } from "./api-error";
import { envelopeSchema, type ErrorType, type SuccessEnvelope } from "./envelope";

const anyEnvelope = envelopeSchema(z.unknown());

function consoleError(
  type: ErrorType,
  code: string,
  message: string,
  status: number,
  details: Record<string, unknown> = {},
): ApiError {
  return new ApiError(
    {
      type,
      message,
      httpStatus: null,
      code,
      retryable: type === "network_error",
      requestId: "",
      details: { source: "console", ...details },
    },
    status,
  );
}

/**
 * The server answered, but not in the shape this page expects: a renamed field or a page older than the
 * server. It is said as such, not as an outage, because retrying will not help and reloading might.
 */
export function responseMismatch(command: string, issues: z.core.$ZodIssue[], status: number, root = "data"): ApiError {
  const first = issues[0];
  const where = first
    ? `${[root, ...first.path.map(String)].filter(Boolean).join(".") || "the answer"}: ${first.message}`
    : "unknown field";
  return consoleError(
    "internal_error",
    "response_mismatch",
    `The console's server sent ${command} data this page cannot read (${where}). Reload the page; if that does not help, the server and this page come from different versions.`,
    status,
    {
      command,
      issues: issues.slice(0, 10).map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message })),
    },
  );
}

/** A same-origin JSON POST to the console's API. */
export const postJson = (body: unknown): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** Calls the console's own API and parses the envelope, then its data, before anything uses them. */
export async function apiFetch<D extends z.ZodType>(
  url: string,
  data: D,
  init?: RequestInit,
): Promise<SuccessEnvelope<z.output<D>>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: "application/json", ...init?.headers } });
  } catch {
    throw consoleError("network_error", "bff_unreachable", "The console's server could not be reached.", 0);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw consoleError(
      "network_error",
      "bff_unreachable",
      `The console's server answered ${response.status} without JSON.`,
      response.status,
    );
  }
  const envelope = anyEnvelope.safeParse(body);
  if (!envelope.success) throw responseMismatch("an answer", envelope.error.issues, response.status, "");
  if (!envelope.data.ok) throw new ApiError(envelope.data.error, response.status);
  const parsed = data.safeParse(envelope.data.data);
  if (!parsed.success) throw responseMismatch(envelope.data.command, parsed.error.issues, response.status);
  return { ...envelope.data, data: parsed.data };
}
