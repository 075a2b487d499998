import { STATUS_CODES } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { ArmedFault } from "./faults";
import { errorResponse, HttpError, jsonResponse, SimulatedConnectionReset } from "./http-errors";
import { rateLimitedBody, rateLimitHeaders, type RateLimitScope, type RateLimitStatus } from "./rate-limit";
import { decodeParams, matchRoute, type ApiRoute, type RestRoute, type Route, type StacksRoute } from "./routes";
import type { SimRuntime } from "./runtime";
import { restRateLimitedBody, restRateLimitHeaders } from "./rest-rate-limit";
import { serveStorage, STORAGE_PREFIX } from "./storage";
import { restIdentity } from "./tokens";

interface RouteInput {
  url: URL;
  rawParams: Record<string, string>;
  body: string;
  headers: Headers;
  head: boolean;
}

export interface ClientInfo {
  remoteAddress?: string;
}

export type Handler = (request: Request, info?: ClientInfo) => Promise<Response>;

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

function isLoopback(address: string): boolean {
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function failure(error: unknown): Response {
  if (error instanceof HttpError) return errorResponse(error);
  console.error("[simulator] unexpected error", error);
  return jsonResponse({ message: "Internal Server Error" }, 500);
}

/** Null means "only a delay": the request then proceeds normally. */
async function applyFault(fault: ArmedFault): Promise<Response | null> {
  if (fault.delayMs !== undefined) await sleep(fault.delayMs);
  if (fault.mode === "reset") throw new SimulatedConnectionReset();
  if (fault.mode === "malformed")
    return new Response('{"jobs": [{"id": "', { status: 200, headers: { "content-type": "application/json" } });
  if (fault.status === undefined) return null;
  const headers: Record<string, string> =
    fault.retryAfter === undefined ? {} : { "Retry-After": String(fault.retryAfter) };
  if (NULL_BODY_STATUSES.has(fault.status)) return new Response(null, { status: fault.status, headers });
  return jsonResponse({ message: STATUS_CODES[fault.status] ?? "Simulated fault" }, fault.status, headers);
}

export function createHandler(
  runtime: SimRuntime,
  apiRoutes: readonly ApiRoute[],
  controlRoutes: readonly Route[],
): Handler {
  const control = async (
    request: Request,
    url: URL,
    method: string,
    body: string,
    info: ClientInfo | undefined,
  ): Promise<Response> => {
    if (info?.remoteAddress !== undefined && !isLoopback(info.remoteAddress))
      return jsonResponse({ message: "Forbidden" }, 403);
    const match = matchRoute(controlRoutes, method, url.pathname);
    if (match.kind === "none") return jsonResponse({ message: "Not Found" }, 404);
    if (match.kind === "method-not-allowed")
      return jsonResponse({ message: "Method Not Allowed" }, 405, { Allow: match.allow.join(", ") });
    try {
      return await match.route.handle({ url, params: decodeParams(match.rawParams), body, headers: request.headers });
    } catch (error) {
      return failure(error);
    }
  };

  // Each API family has its own credentials and budget: the Stacks API a cluster token and per-stack
  // limits (reported on every /v3 response), the REST API Bearer tokens with scopes and per-minute
  // organisation and user budgets.
  const stacksBudgetHeaders = (url: URL, rawKey: string, scope: RateLimitScope): Record<string, string> =>
    url.pathname.startsWith("/v3/") ? rateLimitHeaders(runtime.rateLimiter.peek(rawKey, scope)) : {};

  const serveStacks = async (
    route: StacksRoute,
    request: Request,
    req: RouteInput,
    peeked: () => Record<string, string>,
  ): Promise<Response> => {
    if (request.headers.get("authorization") !== `Token ${runtime.tokens.cluster}`) {
      return jsonResponse(
        { message: "Authentication required: send a valid cluster token as 'Authorization: Token <token>'" },
        401,
        peeked(),
      );
    }
    let limit: RateLimitStatus | null = null;
    try {
      const params = decodeParams(req.rawParams);
      limit = runtime.rateLimiter.consume(params.key ?? "", route.scope);
      if (limit.limited) return jsonResponse(rateLimitedBody(limit), 429, rateLimitHeaders(limit));
      runtime.state.expireReservations(runtime.now());
      return withHeaders(
        await route.handle({ url: req.url, params, body: req.body, headers: req.headers, head: req.head }),
        rateLimitHeaders(limit),
      );
    } catch (error) {
      return withHeaders(failure(error), limit === null ? peeked() : rateLimitHeaders(limit));
    }
  };

  const serveRest = async (route: RestRoute, request: Request, req: RouteInput): Promise<Response> => {
    const identity = restIdentity(runtime.tokens, request.headers.get("authorization"));
    if (identity === null)
      return jsonResponse(
        {
          message:
            "Authentication required. Please supply a valid API Access Token: https://buildkite.com/docs/apis/rest-api#authentication",
        },
        401,
      );
    // Every authenticated request spends budget, refused ones included, as upstream.
    const limit = runtime.restRateLimiter.consume(runtime.state.org.slug, identity.user.email);
    const budget = restRateLimitHeaders(limit);
    if (limit.exceeded !== null) return jsonResponse(restRateLimitedBody(limit.exceeded), 429, budget);
    if (route.requiredScope !== null && !identity.scopes.includes(route.requiredScope)) {
      return jsonResponse({ message: `Your access token doesn't have the ${route.requiredScope} scope` }, 403, budget);
    }
    try {
      const params = decodeParams(req.rawParams);
      runtime.state.expireReservations(runtime.now());
      return withHeaders(
        await route.handle({ url: req.url, params, body: req.body, headers: req.headers, head: req.head }, identity),
        budget,
      );
    } catch (error) {
      return withHeaders(failure(error), budget);
    }
  };

  const api = async (request: Request, url: URL, method: string, body: string): Promise<Response> => {
    const match = matchRoute(apiRoutes, method, url.pathname);
    if (match.kind === "match") runtime.stats.count(`${method} ${match.route.pattern}`);
    const stacksScope = match.kind === "match" && match.route.api === "stacks" ? match.route.scope : "default";
    const rawKey = match.kind === "match" ? (match.rawParams.key ?? "") : "";
    // Responses that spend no budget still report it: every /v3 response carries the headers.
    const peeked = () => stacksBudgetHeaders(url, rawKey, stacksScope);

    const fault = runtime.faults.take(method, url.pathname);
    if (fault !== undefined) {
      const faulted = await applyFault(fault);
      if (faulted !== null) return withHeaders(faulted, peeked());
    }
    if (match.kind === "none") return jsonResponse({ message: "Not Found" }, 404, peeked());
    if (match.kind === "method-not-allowed") {
      return jsonResponse({ message: "Method Not Allowed" }, 405, { ...peeked(), Allow: match.allow.join(", ") });
    }
    const input = { url, rawParams: match.rawParams, body, headers: request.headers, head: request.method === "HEAD" };
    return match.route.api === "stacks"
      ? serveStacks(match.route, request, input, peeked)
      : serveRest(match.route, request, input);
  };

  return async (request, info) => {
    const url = new URL(request.url);
    const isHead = request.method === "HEAD";
    const method = isHead ? "GET" : request.method;
    // Always drain the body, even for requests refused early, so a keep-alive connection stays usable.
    const body = request.body === null ? "" : await request.text();
    const isControl = url.pathname === "/__sim" || url.pathname.startsWith("/__sim/");
    const isStorage = url.pathname.startsWith(`${STORAGE_PREFIX}/`);
    const response = isControl
      ? await control(request, url, method, body, info)
      : isStorage
        ? serveStorage(runtime, request, url)
        : await api(request, url, method, body);
    if (!isHead) return response;
    // A HEAD answers with the GET's headers (Content-Length included) and never computes the body.
    await response.body?.cancel();
    return new Response(null, { status: response.status, headers: response.headers });
  };
}
