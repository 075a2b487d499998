import { randomUUID } from "node:crypto";
import { STATUS_CODES, type IncomingHttpHeaders } from "node:http";
import type { Logger } from "pino";
import { Agent, type Dispatcher } from "undici";
import { z } from "zod";

import { BuildkiteError, type BuildkiteErrorInit, type BuildkiteErrorKind } from "./errors";
import { parseRateLimit, type RateLimitInfo } from "./rate-limit";
import { redactHeaders, redactPayload, scrubSecrets, scrubSecretsDeep } from "./redact";
import { classifyFailure, failureMessage } from "./failure";
import { queryString } from "./path";
import { computeRetryDelay, resolveRetryPolicy, isRetryableStatus, type RetryPolicy } from "./retry";

export type AuthScheme = "Token" | "Bearer";
export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE";
/**
 * What a 2xx body must be: `json` bodies that fail to parse are retried like the official client does;
 * `stream` hands the body over unread (logs and artifacts can be hundreds of megabytes).
 */
export type ExpectedBody = "json" | "text" | "none" | "stream";
export type ResponseBody = Dispatcher.ResponseData["body"];

export interface RequestOptions {
  noRetry?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface HttpCoreOptions {
  baseUrl: string;
  auth: { scheme: AuthScheme; token: string };
  userAgent: string;
  logger?: Logger;
  logPayloads?: boolean;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  dispatcher?: Dispatcher;
  /** Called before each request (not each retry); throwing refuses it before anything is sent. */
  beforeSend?: (method: HttpMethod) => void | Promise<void>;
  /** REST reads both the organisation and the user budget; the Stacks API has one. */
  rateLimit?: (headers: Readonly<Record<string, string>>) => RateLimitInfo | null;
  /** Told of every attempt and retry, for metrics; the core itself keeps no counts. */
  observer?: HttpObserver;
}

/** One attempt's end, as an observer sees it. */
export interface HttpAttempt {
  method: HttpMethod;
  /** The request's path relative to the base URL, without the query string. */
  path: string;
  /** The HTTP status; null when no answer came (`failure` says why). */
  status: number | null;
  failure: BuildkiteErrorKind | null;
  rateLimit: RateLimitInfo | null;
}

export interface HttpObserver {
  attempt(attempt: HttpAttempt): void;
  /** A failed attempt that will be tried again: `reason` is the status, or the failure's kind. */
  retry(retry: { method: HttpMethod; path: string; reason: string }): void;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Relative to the base URL, starting with "/", params already escaped (see `escapedPath`). */
  path: string;
  /** A list value repeats the parameter (`state[]=a&state[]=b`). */
  query?: Record<string, string | number | undefined | readonly string[]>;
  /** JSON-serialised when present; absent means no body at all. */
  body?: unknown;
  expect: ExpectedBody;
  headers?: Record<string, string>;
  /** Treat a 3xx as an answer (its `Location` is the caller's to follow) instead of an error. */
  allowRedirect?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  rateLimit: RateLimitInfo | null;
  attempts: number;
  text: string;
  /** The parsed body when `expect` is "json", otherwise undefined. */
  json: unknown;
  /** The unread body when `expect` is "stream"; the caller must consume or destroy it. */
  body: ResponseBody | null;
}

export interface ApiResult<T> {
  data: T;
  /** The exact upstream JSON, for callers that pass Buildkite's answer through untouched. */
  raw: unknown;
  status: number;
  headers: Record<string, string>;
  rateLimit: RateLimitInfo | null;
  attempts: number;
}

export interface HttpCore {
  send(request: HttpRequest, options?: RequestOptions): Promise<HttpResponse>;
  /** Sends and validates the 2xx body; a body that is JSON but the wrong shape is not retried. */
  sendJson<T>(
    request: Omit<HttpRequest, "expect">,
    schema: z.ZodType<T>,
    options?: RequestOptions,
  ): Promise<ApiResult<T>>;
  /** Sends where only the status matters; whatever body comes back is ignored. */
  sendEmpty(request: Omit<HttpRequest, "expect">, options?: RequestOptions): Promise<ApiResult<null>>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

let sharedAgent: Agent | undefined;

/** One keep-alive pool per process: a console polls the same origin every few seconds. */
function defaultDispatcher(): Agent {
  sharedAgent ??= new Agent({ keepAliveTimeout: 30_000, connections: 16 });
  return sharedAgent;
}

const errorBodySchema = z.object({ message: z.string() });

type AttemptOutcome = { ok: true; response: HttpResponse } | { ok: false; error: BuildkiteError };
type Fail = (init: Omit<BuildkiteErrorInit, "method" | "path" | "attempts">) => BuildkiteError;
type ParsedJson = { ok: true; value: unknown } | { ok: false };

/** An answer as it came: the body read as text, or handed over unread for a stream. */
interface Received {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  text: string;
  body: ResponseBody | null;
}

export function createHttpCore(options: HttpCoreOptions): HttpCore {
  const base = new URL(options.baseUrl);
  const origin = base.origin;
  const basePath = base.pathname.replace(/\/+$/, "");
  const policy = resolveRetryPolicy(options.retry);
  const dispatcher = options.dispatcher ?? defaultDispatcher();
  const readRateLimit = options.rateLimit ?? ((headers) => parseRateLimit(headers));
  const secrets = [options.auth.token];
  const baseHeaders = {
    authorization: `${options.auth.scheme} ${options.auth.token}`,
    accept: "application/json",
    "content-type": "application/json",
    "user-agent": options.userAgent,
  };

  function log(entry: Record<string, unknown>, message: string): void {
    options.logger?.debug(scrubSecretsDeep(entry, secrets) as Record<string, unknown>, message);
  }

  function logsPayloads(): boolean {
    return options.logPayloads === true && options.logger?.isLevelEnabled("debug") === true;
  }

  /** One attempt's deadline for an answer, joined with the caller's own signal. */
  function deadline(requestOptions: RequestOptions) {
    const timeoutMs = requestOptions.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException("Buildkite did not answer in time", "TimeoutError")),
      timeoutMs,
    );
    const signal = requestOptions.signal ? AbortSignal.any([requestOptions.signal, timeout.signal]) : timeout.signal;
    return { timeoutMs, timeoutSignal: timeout.signal, signal, clear: () => clearTimeout(timer) };
  }

  /**
   * Sends once and reads the answer: its body as text, or unread when the caller streams it. The deadline
   * covers the answer, not a streamed body's transfer: a 100 MB log may take longer.
   */
  async function exchange(
    request: HttpRequest,
    fullPath: string,
    requestBody: string | undefined,
    headers: Record<string, string>,
    limit: ReturnType<typeof deadline>,
  ): Promise<Received> {
    try {
      const response = await dispatcher.request({
        origin,
        path: fullPath,
        method: request.method,
        headers,
        body: requestBody ?? null,
        signal: limit.signal,
      });
      const received: Received = {
        status: response.statusCode,
        statusText: response.statusText,
        headers: normalizeHeaders(response.headers),
        text: "",
        body: null,
      };
      if (request.expect === "stream" && isAnswer(received.status, request)) received.body = response.body;
      else received.text = await response.body.text();
      return received;
    } finally {
      limit.clear();
    }
  }

  /** What an answer means: the response, or the error to throw or retry. */
  function outcomeOf(
    request: HttpRequest,
    received: Received,
    rateLimit: RateLimitInfo | null,
    json: ParsedJson,
    fail: Fail,
    attemptNumber: number,
  ): AttemptOutcome {
    const { status, headers } = received;
    const context = { status, headers, rateLimit, rawBody: scrubSecrets(received.text, secrets) };
    if (!isAnswer(status, request)) {
      const upstream = json.ok ? errorBodySchema.safeParse(json.value) : undefined;
      const message = upstream?.success && upstream.data.message.trim() ? upstream.data.message : received.statusText;
      return {
        ok: false,
        error: fail({
          ...context,
          kind: "http",
          retryable: isRetryableStatus(status),
          message: scrubSecrets(message || STATUS_CODES[status] || `HTTP ${status}`, secrets),
        }),
      };
    }
    if (request.expect === "json" && !json.ok) {
      return {
        ok: false,
        error: fail({
          ...context,
          kind: "parse",
          retryable: true,
          message: `Buildkite answered ${status} with a body that is not JSON`,
        }),
      };
    }
    const parsed = request.expect === "json" && json.ok ? json.value : undefined;
    return {
      ok: true,
      response: {
        status,
        headers,
        rateLimit,
        attempts: attemptNumber,
        text: received.text,
        json: parsed,
        body: received.body,
      },
    };
  }

  async function attempt(
    request: HttpRequest,
    fullPath: string,
    requestBody: string | undefined,
    attemptNumber: number,
    requestOptions: RequestOptions,
  ): Promise<AttemptOutcome> {
    // Tells this attempt's log line from its retries'; the console's request id is added by the logger.
    const attemptId = randomUUID();
    const limit = deadline(requestOptions);
    const headers = { ...baseHeaders, ...request.headers };
    const started = performance.now();
    const fail: Fail = (init) =>
      new BuildkiteError({ ...init, method: request.method, path: fullPath, attempts: attemptNumber });
    const logAttempt = (fields: Record<string, unknown>) =>
      log(
        {
          attemptId,
          method: request.method,
          path: fullPath,
          attempt: attemptNumber,
          durationMs: Math.round(performance.now() - started),
          ...(logsPayloads()
            ? { requestHeaders: redactHeaders(headers), requestBody: payloadForLog(request.body, secrets) }
            : {}),
          ...fields,
        },
        "buildkite request",
      );

    let received: Received;
    try {
      received = await exchange(request, fullPath, requestBody, headers, limit);
    } catch (cause) {
      const { kind, retryable } = classifyFailure(cause, requestOptions.signal, limit.timeoutSignal);
      logAttempt({ status: null, errorKind: kind });
      options.observer?.attempt({
        method: request.method,
        path: request.path,
        status: null,
        failure: kind,
        rateLimit: null,
      });
      return {
        ok: false,
        error: fail({ kind, retryable, message: failureMessage(kind, cause, limit.timeoutMs, secrets), cause }),
      };
    }
    const rateLimit = readRateLimit(received.headers);
    const json = parseJson(received.text);
    logAttempt({
      status: received.status,
      rateLimitRemaining: rateLimit?.remaining ?? null,
      ...(logsPayloads() ? { responseBody: payloadForLog(json.ok ? json.value : received.text, secrets) } : {}),
    });
    const outcome = outcomeOf(request, received, rateLimit, json, fail, attemptNumber);
    options.observer?.attempt({
      method: request.method,
      path: request.path,
      status: received.status,
      failure: outcome.ok ? null : outcome.error.kind,
      rateLimit,
    });
    return outcome;
  }

  async function send(request: HttpRequest, requestOptions: RequestOptions = {}): Promise<HttpResponse> {
    await options.beforeSend?.(request.method);
    const fullPath = basePath + request.path + queryString(request.query);
    const requestBody = request.body === undefined ? undefined : JSON.stringify(request.body);
    const maxAttempts = requestOptions.noRetry ? 1 : policy.maxAttempts;
    const aborted = (attempts: number, cause?: unknown) =>
      new BuildkiteError({
        kind: "aborted",
        retryable: false,
        message: "The request to Buildkite was aborted",
        method: request.method,
        path: fullPath,
        attempts,
        cause,
      });

    for (let attemptNumber = 1; ; attemptNumber++) {
      if (requestOptions.signal?.aborted) throw aborted(attemptNumber - 1, requestOptions.signal.reason);
      const outcome = await attempt(request, fullPath, requestBody, attemptNumber, requestOptions);
      if (outcome.ok) return outcome.response;
      const { error } = outcome;
      if (!error.retryable || attemptNumber >= maxAttempts) throw error;
      const delayMs = computeRetryDelay(policy, attemptNumber, {
        status: error.status,
        headers: error.headers,
        rateLimit: error.rateLimit,
      });
      log(
        {
          method: request.method,
          path: fullPath,
          attempt: attemptNumber,
          delayMs,
          reason: error.kind,
          status: error.status,
        },
        "buildkite retry scheduled",
      );
      options.observer?.retry({
        method: request.method,
        path: request.path,
        reason: error.status === null ? error.kind : String(error.status),
      });
      try {
        await policy.sleep(delayMs, requestOptions.signal);
      } catch {
        throw aborted(attemptNumber, error);
      }
    }
  }

  async function sendJson<T>(
    request: Omit<HttpRequest, "expect">,
    schema: z.ZodType<T>,
    requestOptions?: RequestOptions,
  ): Promise<ApiResult<T>> {
    const response = await send({ ...request, expect: "json" }, requestOptions);
    const decoded = schema.safeParse(response.json);
    if (!decoded.success) {
      throw new BuildkiteError({
        kind: "parse",
        retryable: false,
        message: `Buildkite's response did not have the expected shape: ${z.prettifyError(decoded.error)}`,
        method: request.method,
        path: basePath + request.path + queryString(request.query),
        attempts: response.attempts,
        status: response.status,
        rawBody: scrubSecrets(response.text, secrets),
        headers: response.headers,
        rateLimit: response.rateLimit,
      });
    }
    return { ...resultMeta(response), data: decoded.data, raw: response.json };
  }

  async function sendEmpty(
    request: Omit<HttpRequest, "expect">,
    requestOptions?: RequestOptions,
  ): Promise<ApiResult<null>> {
    const response = await send({ ...request, expect: "none" }, requestOptions);
    return { ...resultMeta(response), data: null, raw: null };
  }

  return { send, sendJson, sendEmpty };
}

function resultMeta(response: HttpResponse): Omit<ApiResult<never>, "data" | "raw"> {
  return {
    status: response.status,
    headers: response.headers,
    rateLimit: response.rateLimit,
    attempts: response.attempts,
  };
}

function isAnswer(status: number, request: HttpRequest): boolean {
  return (status >= 200 && status < 300) || (request.allowRedirect === true && status >= 300 && status < 400);
}

function normalizeHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) result[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}

function parseJson(text: string): ParsedJson {
  try {
    const value: unknown = JSON.parse(text);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

/** Unparseable text could hold anything (including env values), so only its size is logged. */
function payloadForLog(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return `[${Buffer.byteLength(value)} bytes, not JSON]`;
  return redactPayload(value, secrets);
}
