import "server-only";
import { randomUUID } from "node:crypto";
import { executeCommand, type CommandSpec, type RawInput } from "./command";
import { ConsoleError } from "./console-error";
import { failureEnvelope, envelopeText } from "./envelope-json";
import { toEnvelopeError } from "./error-envelope";
import { ifNoneMatchHits } from "./etag";
import { readJsonBody } from "./json-body";
import { log } from "../log";
import { withRequestId } from "../request-context";
import { runtime, type Runtime } from "../runtime";
import { authenticate, type Operator } from "../auth/operator";
import { browserHost } from "./browser-origin";
import { fileResponse, isStreamedFile } from "./streamed-file";
import { EVENT_STREAM, eventStreamResponse, isEventStream, type EventStreamTiming } from "./event-stream";
import type { Logger } from "pino";
import type { z } from "zod";

type Schema = z.ZodType<unknown, unknown>;
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const isChange = (request: Request) => request.method !== "GET" && request.method !== "HEAD";

// Mutations must come from the console's own pages: a cross-site form or fetch could otherwise make a
// signed-in operator's browser fail someone's build.
export function assertSameOrigin(request: Request, trustProxy: boolean) {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") {
    throw new ConsoleError("permission_error", "Cross-site requests cannot change anything.", "cross_site");
  }
  const origin = request.headers.get("origin");
  if (!origin) return;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = "";
  }
  if (originHost !== browserHost(request.headers, trustProxy)) {
    throw new ConsoleError("permission_error", "Cross-site requests cannot change anything.", "cross_site");
  }
}

async function readInput(request: Request, context: RouteContext): Promise<RawInput> {
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (key !== "raw") query[key] = value;
  const raw = ["1", "true"].includes(url.searchParams.get("raw") ?? "");
  return {
    params: await context.params,
    query,
    body: isChange(request) ? await readJsonBody(request) : undefined,
    raw,
  };
}

const NDJSON = "application/x-ndjson";

// A serverless function's response lives a few minutes at most, so its streams end well before the host
// cuts them; elsewhere a quarter of an hour keeps viewers spreading over instances as they come and go.
const eventStreamTiming = (serverless: boolean): EventStreamTiming => ({
  heartbeatMs: 15_000,
  maxLifetimeMs: serverless ? 240_000 : 900_000,
  retryMs: 2_000,
});

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
  context: { runtime: Runtime; operator: Operator; requestId: string; signal: AbortSignal; consoleHost: string | null },
  logger: Logger,
): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const line = (value: unknown) => {
        const { text, serialised } = envelopeText(value, spec.name, context.requestId);
        if (!serialised) logger.error("a streamed line could not be serialised");
        controller.enqueue(encoder.encode(`${text}\n`));
      };
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

function json(
  status: number,
  body: unknown,
  headers: Record<string, string>,
  requestId: string,
  command: string,
): Response {
  const { text, serialised } = envelopeText(body, command, requestId);
  if (!serialised) log().error({ requestId, command }, "an answer could not be serialised");
  return new Response(text, {
    status: serialised ? status : 500,
    // A tagged answer brings its own cache-control; every other answer is never stored.
    headers: { "cache-control": "no-store", ...headers, "content-type": "application/json", "x-request-id": requestId },
  });
}

/**
 * What a tagged answer adds: its tag, and leave to keep it only if revalidated each time. `private`: the
 * answer is for a signed-in operator, so no shared cache may hold it; the browser's own cache is bypassed
 * by the console's pages anyway (they keep the parsed answer, lib/api/api-fetch.ts).
 */
const taggedHeaders = (tag: string) => ({ etag: `"${tag}"`, "cache-control": "private, no-cache" });

/** 304 for a poll whose answer has not changed: no body, the same tag and caching rules, the request id. */
function notModified(headers: Record<string, string>, requestId: string): Response {
  return new Response(null, { status: 304, headers: { ...headers, "x-request-id": requestId } });
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
  function handler(request: Request, context: RouteContext): Promise<Response> {
    const requestId = randomUUID();
    return withRequestId(requestId, () => handle(request, context, requestId));
  }
  async function handle(request: Request, context: RouteContext, requestId: string): Promise<Response> {
    const started = performance.now();
    // The request id comes from the request context (server/log.ts), on this line as on every other.
    const logger = log().child({ command: spec.name });
    let status: number;
    let body: unknown;
    let headers: Record<string, string> = {};
    let renewed: string | undefined;
    try {
      // Resolved once here and handed to the command, never looked up inside one.
      const current = await runtime();
      const { trustProxy } = current.config;
      if (isChange(request)) assertSameOrigin(request, trustProxy);
      const consoleHost = browserHost(request.headers, trustProxy);
      const { operator, setCookie } = await authenticate(request.headers, current.config);
      if (!operator) throw new ConsoleError("auth_error", "Sign in to use the console.", "signed_out");
      if (setCookie) renewed = setCookie;
      const input = await readInput(request, context);
      if (request.headers.get("accept")?.includes(NDJSON)) {
        return streamCommand(
          spec,
          input,
          { runtime: current, operator, requestId, signal: request.signal, consoleHost },
          logger,
        );
      }
      const executed = await executeCommand(spec, input, {
        runtime: current,
        operator,
        requestId,
        signal: request.signal,
        consoleHost,
        eventStream: request.headers.get("accept")?.includes(EVENT_STREAM)
          ? { lastEventId: request.headers.get("last-event-id") }
          : undefined,
      });
      if (executed.envelope.ok && isStreamedFile(executed.envelope.data)) {
        logger.info({ method: request.method, status: 200, ms: Math.round(performance.now() - started) }, "streaming");
        return fileResponse(executed.envelope.data, requestId);
      }
      if (executed.envelope.ok && isEventStream(executed.envelope.data)) {
        logger.info({ method: request.method, status: 200, ms: Math.round(performance.now() - started) }, "streaming");
        const timing = eventStreamTiming(current.config.serverless);
        return eventStreamResponse(executed.envelope.data, { signal: request.signal, requestId, timing });
      }
      ({ status, headers } = executed);
      body = executed.envelope;
      if (executed.status >= 500) logger.error({ err: executed.failure }, "command failed");
      // Only a successful read is tagged, so an error is always answered in full and never as 304.
      if (executed.etag !== undefined && request.method === "GET" && executed.envelope.ok && status === 200) {
        headers = { ...headers, ...taggedHeaders(executed.etag) };
        if (ifNoneMatchHits(request.headers.get("if-none-match"), executed.etag)) {
          logger.info({ method: request.method, status: 304, ms: Math.round(performance.now() - started) }, "served");
          return notModified(renewed ? { ...headers, "set-cookie": renewed } : headers, requestId);
        }
      }
    } catch (error) {
      const mapped = toEnvelopeError(error, requestId);
      status = mapped.status;
      headers = mapped.headers;
      body = failureEnvelope(spec.name, mapped.error);
      if (mapped.status >= 500) logger.error({ err: error }, "request failed");
    }
    logger.info({ method: request.method, status, ms: Math.round(performance.now() - started) }, "served");
    return json(status, body, renewed ? { ...headers, "set-cookie": renewed } : headers, requestId, spec.name);
  }
  // What the handler needs, readable by the generated auth matrix so no route escapes it.
  return Object.assign(handler, { command: spec.name, permission: spec.permission });
}

/** Answers paths under /api/v1 that name no command, in the envelope rather than Next's HTML 404 page. */
export function unknownRoute(request: Request): Promise<Response> {
  const requestId = randomUUID();
  return withRequestId(requestId, () => answerUnknown(request, requestId));
}

async function answerUnknown(request: Request, requestId: string): Promise<Response> {
  const path = new URL(request.url).pathname;
  // Signed out, every path answers alike: which routes exist is no business of an anonymous caller.
  if (!(await authenticate(request.headers, (await runtime()).config)).operator) {
    const mapped = toEnvelopeError(
      new ConsoleError("auth_error", "Sign in to use the console.", "signed_out"),
      requestId,
    );
    return json(mapped.status, failureEnvelope("unknown", mapped.error), mapped.headers, requestId, "unknown");
  }
  const error = {
    type: "not_found" as const,
    message: `No API command answers ${request.method} ${path}.`,
    httpStatus: null,
    code: "unknown_route",
    retryable: false,
    requestId,
    details: { source: "console" },
  };
  return json(404, failureEnvelope("unknown", error, { method: request.method, path }), {}, requestId, "unknown");
}
