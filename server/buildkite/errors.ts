import type { RateLimitInfo } from "./rate-limit";

export type BuildkiteErrorKind = "http" | "network" | "timeout" | "aborted" | "parse";

export interface BuildkiteErrorInit {
  kind: BuildkiteErrorKind;
  message: string;
  method: string;
  path: string;
  attempts: number;
  retryable: boolean;
  status?: number | null;
  rawBody?: string | null;
  headers?: Record<string, string>;
  rateLimit?: RateLimitInfo | null;
  cause?: unknown;
}

// Next bundles the instrumentation hook apart from the routes, so the client that the start-up creates
// can throw a BuildkiteError from another copy of this module than the one a route checks against. A
// registered symbol makes `instanceof` hold across those copies.
const brand = Symbol.for("stack-console.BuildkiteError");

export class BuildkiteError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && brand in value;
  }

  override readonly name = "BuildkiteError";
  readonly [brand] = true;
  readonly kind: BuildkiteErrorKind;
  readonly status: number | null;
  readonly rawBody: string | null;
  readonly headers: Record<string, string>;
  readonly rateLimit: RateLimitInfo | null;
  readonly attempts: number;
  readonly retryable: boolean;
  readonly method: string;
  readonly path: string;

  constructor(init: BuildkiteErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.rawBody = init.rawBody ?? null;
    this.headers = init.headers ?? {};
    this.rateLimit = init.rateLimit ?? null;
    this.attempts = init.attempts;
    this.retryable = init.retryable;
    this.method = init.method;
    this.path = init.path;
  }
}
