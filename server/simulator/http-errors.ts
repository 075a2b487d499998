import { z } from "zod";

/** A failure that maps straight to a Buildkite-style `{"message": ...}` response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Validation details, sent as `errors` next to the message as Buildkite's 422s do. */
    readonly errors: readonly string[] = [],
  ) {
    super(message);
    this.name = "HttpError";
  }
}

/**
 * Thrown by the fetch-style handler when a fault asks for the connection to be dropped: a Response cannot
 * express "no response", and a rejected promise is what fetch itself gives a client in that case.
 */
export class SimulatedConnectionReset extends Error {
  constructor() {
    super("simulated connection reset");
    this.name = "SimulatedConnectionReset";
  }
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", ...headers },
  });
}

export function errorResponse(error: HttpError): Response {
  return jsonResponse(
    error.errors.length > 0 ? { message: error.message, errors: error.errors } : { message: error.message },
    error.status,
    error.headers,
  );
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

/** Empty bodies parse as `{}` so "missing field" comes back as a 422 naming the field, not a JSON error. */
export function parseBody<T>(body: string, schema: z.ZodType<T>): T {
  let value: unknown = {};
  if (body.trim() !== "") {
    try {
      value = JSON.parse(body);
    } catch {
      throw new HttpError(400, "Request body is not valid JSON");
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(422, describeIssues(result.error));
  return result.data;
}
