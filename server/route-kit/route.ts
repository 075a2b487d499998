import "server-only";
import { randomUUID } from "node:crypto";
import { executeCommand, type CommandSpec, type RawInput } from "./command";
import { ConsoleError, validationError } from "./console-error";
import { toEnvelopeError } from "./error-envelope";
import { log } from "../log";
import { runtime, type Runtime } from "../runtime";
import { authenticate, type Operator } from "../auth/operator";
import { fileResponse, isStreamedFile } from "./streamed-file";
import type { Logger } from "pino";
import { API_VERSION } from "@/lib/api/envelope";
import type { z } from "zod";

type Schema = z.ZodType<unknown, unknown>;
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const MAX_BODY_BYTES = 2 * 1024 * 1024;

// Mutations must come from the console's own pages: a cross-site form or fetch could otherwise make a
// signed-in operator's browser fail someone's build.
export function assertSameOrigin(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new ConsoleError("permission_error", "Cross-site requests cannot change anything.", "cross_site");
  }
  const origin = request.headers.get("origin");
  if (!origin) return;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== host) {
    throw new ConsoleError("permission_error", "Cross-site requests cannot change anything.", "cross_site");
  }
}

async function readBody(request: Request): Promise<unknown> {
  if (request.method === "GET" || request.method === "HEAD") return undefined;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw validationError([{ field: "body", message: "is larger than 2 MB" }]);
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw validationError([{ field: "body", message: "is not valid JSON" }]);
  }
}

async function readInput(request: Request, context: RouteContext): Promise<RawInput> {
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key !== "raw") query[key] = value;
  const raw = ["1", "true"].includes(url.searchParams.get("raw") ?? "");
  return { params: await context.params, query, body: await readBody(request), raw };
}

const NDJSON = "application/x-ndjson";

/**
 * A command run for a caller that accepts NDJSON: each progress event is one line as it happens, and the
 * envelope is the last line. The status is 200 once streaming starts; the envelope says how it ended.
 */
function streamCommand<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  O extends Schema,
>(
  spec: CommandSpec<P, Q, B, O>,
  input: RawInput,
  context: { runtime: Runtime; operator: Operator; requestId: string; signal: AbortSignal },
  logger: Logger,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(value)}\n`));
      const executed = await executeCommand(spec, input, { ...context, progress: line });
      if (executed.status >= 500) logger.error({ err: executed.failure }, "command failed");
      line(executed.envelope);
      controller.close();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: { "content-type": NDJSON, "cache-control": "no-store", "x-request-id": context.requestId },
  });
}

function json(status: number, body: unknown, headers: Record<string, string>, requestId: string): Response {
  return Response.json(body, {
    status,
    headers: { ...headers, "cache-control": "no-store", "x-request-id": requestId },
  });
}

/**
 * Turns a command into a Next.js route handler: `export const GET = command(jobsScheduledList)`. A command
 * whose data is a streamed file answers with the file's bytes; its failures are still envelopes.
 */
export function command<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  O extends Schema,
>(spec: CommandSpec<P, Q, B, O>) {
  async function handler(request: Request, context: RouteContext): Promise<Response> {
    const requestId = randomUUID();
    const started = performance.now();
    const logger = log().child({ requestId, command: spec.name });
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    let renewed: string | undefined;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") assertSameOrigin(request);
      // Resolved once here and handed to the command, never looked up inside one.
      const current = await runtime();
      const { operator, setCookie } = await authenticate(request.headers, current.config);
      if (!operator) throw new ConsoleError("auth_error", "Sign in to use the console.", "signed_out");
      if (setCookie) renewed = setCookie;
      const input = await readInput(request, context);
      if (request.headers.get("accept")?.includes(NDJSON)) {
        return streamCommand(spec, input, { runtime: current, operator, requestId, signal: request.signal }, logger);
      }
      const executed = await executeCommand(spec, input, {
        runtime: current,
        operator,
        requestId,
        signal: request.signal,
      });
      if (executed.envelope.ok && isStreamedFile(executed.envelope.data)) {
        logger.info({ method: request.method, status: 200, ms: Math.round(performance.now() - started) }, "streaming");
        return fileResponse(executed.envelope.data, requestId);
      }
      ({ status, headers } = executed);
      body = executed.envelope;
      if (executed.status >= 500) logger.error({ err: executed.failure }, "command failed");
    } catch (error) {
      const mapped = toEnvelopeError(error, requestId);
      status = mapped.status;
      headers = mapped.headers;
      body = {
        ok: false,
        apiVersion: API_VERSION,
        command: spec.name,
        request: {},
        summary: {},
        pagination: null,
        data: null,
        error: mapped.error,
      };
      if (mapped.status >= 500) logger.error({ err: error }, "request failed");
    }
    logger.info({ method: request.method, status, ms: Math.round(performance.now() - started) }, "served");
    return json(status, body, renewed ? { ...headers, "set-cookie": renewed } : headers, requestId);
  }
  // What the handler needs, readable by the generated auth matrix so no route escapes it.
  return Object.assign(handler, { command: spec.name, permission: spec.permission });
}

/** Answers paths under /api/v1 that name no command, in the envelope rather than Next's HTML 404 page. */
export async function unknownRoute(request: Request): Promise<Response> {
  const requestId = randomUUID();
  const path = new URL(request.url).pathname;
  // Signed out, every path answers alike: which routes exist is no business of an anonymous caller.
  if (!(await authenticate(request.headers, (await runtime()).config)).operator) {
    const mapped = toEnvelopeError(
      new ConsoleError("auth_error", "Sign in to use the console.", "signed_out"),
      requestId,
    );
    const body = {
      ok: false,
      apiVersion: API_VERSION,
      command: "unknown",
      request: {},
      summary: {},
      pagination: null,
      data: null,
      error: mapped.error,
    };
    return json(mapped.status, body, mapped.headers, requestId);
  }
  return json(
    404,
    {
      ok: false,
      apiVersion: API_VERSION,
      command: "unknown",
      request: { method: request.method, path },
      summary: {},
      pagination: null,
      data: null,
      error: {
        type: "not_found",
        message: `No API command answers ${request.method} ${path}.`,
        httpStatus: null,
        code: "unknown_route",
        retryable: false,
        requestId,
        details: { source: "console" },
      },
    },
    {},
    requestId,
  );
}
