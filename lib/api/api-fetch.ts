import { z } from "zod";
import { ApiError } from "./api-error";
import { taggedAnswers, type TaggedAnswer } from "./answer-cache";
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

export interface ApiFetchOptions {
  /**
   * For polled reads: send the tag of the last answer to this URL in `If-None-Match`, and on 304 hand back
   * that parsed answer itself, skipping the body, JSON parsing and validation. The same object keeps
   * TanStack Query's `data` identical, so nothing re-renders but what reads `dataUpdatedAt`.
   */
  conditional?: boolean;
}

/** The last answer to `url` if it was parsed with this schema: only then can a 304 stand for it. */
function reusableAnswer(url: string, data: z.ZodType): TaggedAnswer | undefined {
  const previous = taggedAnswers.get(url);
  return previous?.schema === data ? previous : undefined;
}

/** Calls the console's own API and parses the envelope, then its data, before anything uses them. */
export async function apiFetch<D extends z.ZodType>(
  url: string,
  data: D,
  init?: RequestInit,
  options: ApiFetchOptions = {},
): Promise<SuccessEnvelope<z.output<D>>> {
  const previous = options.conditional ? reusableAnswer(url, data) : undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      ...init,
      // The browser's HTTP cache would revalidate on its own and hand over the stored body to parse again;
      // bypassing it makes the 304 visible here, where the parsed answer is kept.
      ...(options.conditional ? { cache: "no-store" as const } : {}),
      headers: {
        accept: "application/json",
        ...(previous ? { "if-none-match": previous.etag } : {}),
        ...init?.headers,
      },
    });
  } catch {
    throw consoleError("network_error", "bff_unreachable", "The console's server could not be reached.", 0);
  }
  if (response.status === 304) {
    // The answer was parsed with `data` (reusableAnswer checked), so it is of this call's type.
    if (previous) return previous.envelope as SuccessEnvelope<z.output<D>>;
    throw consoleError("network_error", "unexpected_not_modified", "The console's server answered 304 unasked.", 304);
  }
  const envelope = await parseEnvelope(response);
  const parsed = data.safeParse(envelope.data);
  if (!parsed.success) throw responseMismatch(envelope.command, parsed.error.issues, response.status);
  const answer: SuccessEnvelope<z.output<D>> = { ...envelope, data: parsed.data };
  if (options.conditional) {
    const etag = response.headers.get("etag");
    if (etag) taggedAnswers.set(url, { etag, schema: data, envelope: answer });
    else taggedAnswers.delete(url);
  }
  return answer;
}

/** The body as a successful envelope, or the error it carries (or the reason it is not one). */
async function parseEnvelope(response: Response): Promise<SuccessEnvelope<unknown>> {
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
  return envelope.data;
}
