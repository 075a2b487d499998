import "server-only";
import { sealData, unsealData } from "iron-session";
import type { Role } from "./permissions";
import type { SessionSettings } from "./config";

// The signed-in operator travels in a sealed (encrypted and authenticated) cookie. Its expiry is kept
// inside the sealed data, so neither a replayed old cookie nor a tampered Max-Age outlives it.

export const SESSION_COOKIE = "console_session";

export interface SessionData {
  sub: string;
  name: string;
  email: string | null;
  role: Role;
  /** When the operator signed in (ms since epoch): the absolute expiry counts from here. */
  issuedAt: number;
  /** When the session was last used: the idle expiry counts from here. */
  seenAt: number;
}

// Renew the idle clock at most this often, so reads do not re-seal the cookie on every request.
const RENEW_AFTER_MS = 5 * 60_000;

export async function sealSession(data: SessionData, settings: SessionSettings): Promise<string> {
  return sealData(data, { password: settings.secret, ttl: Math.ceil(settings.maxMs / 1000) });
}

export type SessionState = { session: SessionData; renew: boolean } | null;

/** The session in a sealed cookie value, or null when it is missing, forged, idle too long or too old. */
export async function openSession(
  sealed: string | undefined,
  settings: SessionSettings,
  now = Date.now(),
): Promise<SessionState> {
  if (!sealed) return null;
  let data: Partial<SessionData>;
  try {
    data = await unsealData<Partial<SessionData>>(sealed, {
      password: settings.secret,
      ttl: Math.ceil(settings.maxMs / 1000),
    });
  } catch {
    return null;
  }
  if (typeof data.sub !== "string" || typeof data.issuedAt !== "number" || typeof data.seenAt !== "number") return null;
  if (now - data.issuedAt > settings.maxMs || now - data.seenAt > settings.idleMs) return null;
  if (data.issuedAt > now + 60_000) return null;
  return { session: data as SessionData, renew: now - data.seenAt > RENEW_AFTER_MS };
}

/** Whether a cookie must carry Secure: everywhere but a loopback host, where browsers allow plain http. */
export function secureCookies(host: string | null): boolean {
  const name = (host ?? "").replace(/:\d+$/, "").replace(/^\[|\]$/g, "");
  return !["localhost", "127.0.0.1", "::1"].includes(name);
}

export function cookieHeader(
  name: string,
  value: string,
  options: { maxAgeSeconds: number; secure: boolean; path?: string },
): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path ?? "/"}`,
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${options.maxAgeSeconds}`,
  ];
  if (options.secure) parts.push("Secure");
  return parts.join("; ");
}

export function readCookie(headers: Headers, name: string): string | undefined {
  const cookie = headers.get("cookie");
  if (!cookie) return undefined;
  for (const part of cookie.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
