import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { AuthConfig } from "./config";
import { roleFor } from "./roles";
import { operatorId, type Operator } from "./operator";

type ProxyAuth = Extract<AuthConfig, { mode: "proxy" }>;

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares secrets in constant time: equal-length digests, so neither content nor length leaks. */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * The person a trusted auth proxy (oauth2-proxy style) vouches for. Its headers count only when the
 * request also carries the shared secret that only the proxy knows; otherwise a direct caller could
 * claim to be anyone, so the request is signed out.
 */
export function proxyOperator(headers: Headers, auth: ProxyAuth): Operator | null {
  if (!secretMatches(headers.get(auth.headers.secret), auth.secret)) return null;
  const email = headers.get(auth.headers.email)?.trim() || null;
  const user = headers.get(auth.headers.user)?.trim() || null;
  if (!email && !user) return null;
  const groups = (headers.get(auth.headers.groups) ?? "")
    .split(",")
    .map((group) => group.trim())
    .filter(Boolean);
  return {
    id: operatorId(email ?? user ?? ""),
    name: (user ?? email ?? "").slice(0, 200),
    email,
    role: roleFor({ email, groups }, auth.roles),
  };
}
