import "server-only";

// The headers every response carries, built by proxy.ts. A page gets a Content-Security-Policy whose
// script-src names a nonce fresh for that request: Next reads the nonce back out of the policy and puts it on
// its own scripts, the root layout puts it on the theme's pre-paint script, and nothing else inline runs —
// so markup that slips past the annotation sanitiser still cannot execute.

/** The request header that hands the nonce to server components (the root layout reads it). */
export const NONCE_HEADER = "x-nonce";

/** 128 random bits, base64: what CSP and Next's nonce parser both accept. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** The policy for pages: scripts only by nonce, everything else from the console's own origin. */
export function pagePolicy(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its chunks; React in `next dev` also needs eval to
    // rebuild server error stacks, which production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    // Inline styles stay allowed: server-rendered React `style` attributes (virtual list rows, progress
    // bars) and the log viewer's per-span colours are attributes, which a nonce cannot cover — and a nonce
    // here would switch 'unsafe-inline' off. Styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    // Annotation images are https (anything else is dropped by the sanitiser); artifact images come
    // through the console's own download route.
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // The log viewer parses in a Web Worker that Next bundles as a same-origin chunk; no blob: worker exists.
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The policy for API responses: they are data and downloads, never documents, so nothing may load at all,
 * and a file opened in a tab by mistake (an HTML artifact) runs sandboxed with no script.
 */
export const API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The host without its port; IPv6 literals keep their brackets. */
function hostname(host: string): string {
  const trimmed = host.trim().toLowerCase();
  if (trimmed.startsWith("[")) return trimmed.slice(0, trimmed.indexOf("]") + 1);
  return trimmed.replace(/:\d*$/, "");
}

export function isLocalHost(host: string): boolean {
  const name = hostname(host);
  return LOCAL_HOSTS.has(name) || name.endsWith(".localhost");
}

export interface RequestFacts {
  /** The Host header (or the URL's host when there is none). */
  host: string;
  /** The scheme the browser used: the first X-Forwarded-Proto entry when a TLS proxy sets one, else the URL's. */
  https: boolean;
}

/**
 * HSTS goes out over https, and from any host that is not this machine (behind a TLS-terminating proxy the
 * app itself sees plain http). Never from plain-http localhost: browsers ignore it there anyway, and one
 * that honoured it would pin every local port of localhost to https for two years.
 */
export function sendsHsts({ host, https }: RequestFacts): boolean {
  return https || !isLocalHost(host);
}

export interface SecurityHeaderInput extends RequestFacts {
  pathname: string;
  nonce: string;
  production: boolean;
}

export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

export type SecurityHeaders = Record<string, string> & { "Content-Security-Policy": string };

export function securityHeaders({ pathname, nonce, production, host, https }: SecurityHeaderInput): SecurityHeaders {
  const headers: SecurityHeaders = {
    "Content-Security-Policy": isApiPath(pathname) ? API_POLICY : pagePolicy(nonce, production),
    // Links leave the console for Buildkite, annotation targets and URLs printed in logs: none of them
    // should learn the console's address or the job it was looking at. Same-origin requests keep their
    // referrer, and — unlike no-referrer — same-origin form posts keep a real Origin header, which the
    // forgery checks rely on.
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    // frame-ancestors for browsers that predate it.
    "X-Frame-Options": "DENY",
    "Permissions-Policy":
      "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    // An internal console has nothing a search engine should keep, even if a link to it leaks.
    "X-Robots-Tag": "noindex, nofollow",
  };
  if (sendsHsts({ host, https })) headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

/** What the proxy knows about a request, reduced to the facts the headers depend on. */
export function requestFacts(headers: Headers, url: URL): RequestFacts {
  const forwardedProto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return {
    host: headers.get("host") ?? url.host,
    https: (forwardedProto ?? url.protocol.replace(/:$/, "")) === "https",
  };
}
