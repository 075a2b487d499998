import { HttpError } from "./http-errors";
import type { RateLimitScope } from "./rate-limit";
import type { RestIdentity, RestScope } from "./tokens";

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export interface RouteRequest {
  url: URL;
  /** Percent-decoded path parameters. */
  params: Record<string, string>;
  body: string;
  headers: Headers;
  /** A HEAD request, answered with a GET's headers: routes whose headers depend on it can tell. */
  head?: boolean;
}

export interface RoutePattern {
  method: Method;
  /** e.g. `/v3/stacks/:key/jobs/:uuid`; also the request-stats key together with the method. */
  pattern: string;
}

export interface Route extends RoutePattern {
  handle(request: RouteRequest): Response | Promise<Response>;
}

/** `/v3/stacks/…`: cluster token, per-stack rate limits by scope. */
export interface StacksRoute extends Route {
  api: "stacks";
  scope: RateLimitScope;
}

/** `/v2/…`: Bearer REST token that must hold `requiredScope` (null: any valid token); the handler gets whose token it was. */
export interface RestRoute extends RoutePattern {
  api: "rest";
  requiredScope: RestScope | null;
  handle(request: RouteRequest, identity: RestIdentity): Response | Promise<Response>;
}

export type ApiRoute = StacksRoute | RestRoute;

export type RouteMatch<R extends RoutePattern> =
  | { kind: "match"; route: R; rawParams: Record<string, string> }
  | { kind: "method-not-allowed"; allow: Method[] }
  | { kind: "none" };

function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const have = pathname.split("/");
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const expected = want[i] ?? "";
    const actual = have[i] ?? "";
    if (expected.startsWith(":")) {
      if (actual === "") return null;
      params[expected.slice(1)] = actual;
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

export function matchRoute<R extends RoutePattern>(
  routes: readonly R[],
  method: string,
  pathname: string,
): RouteMatch<R> {
  const allow: Method[] = [];
  for (const route of routes) {
    const rawParams = matchPattern(route.pattern, pathname);
    if (rawParams === null) continue;
    if (route.method === method) return { kind: "match", route, rawParams };
    allow.push(route.method);
  }
  return allow.length > 0 ? { kind: "method-not-allowed", allow } : { kind: "none" };
}

/** Buildkite rejects raw dots in path params (clients must send %2E), so a `..` key can never walk the path. */
export function decodeParams(rawParams: Record<string, string>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, raw] of Object.entries(rawParams)) {
    if (raw.includes(".")) throw new HttpError(400, `Invalid ${name}: a "." must be percent-encoded as %2E`);
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      throw new HttpError(400, `Invalid ${name}: malformed percent-encoding`);
    }
  }
  return params;
}
