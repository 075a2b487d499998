import "server-only";
import { notificationRoom as roomLeftBy } from "@/lib/inputs/stacks";
import type { Config } from "../config";
import { browserHost } from "../route-kit/browser-origin";
import { proxyOperator } from "./proxy";
import { cookieHeader, openSession, readCookie, sealSession, secureCookies, SESSION_COOKIE } from "./session";
import type { Role } from "./permissions";

export interface Operator {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

/**
 * The one form of an operator's id that limits, the audit log and the ledger key on: `OP@ACME.EXAMPLE`
 * and `op@acme.example` are one person, and must share one rate limit and one history.
 */
export const operatorId = (raw: string) => raw.trim().toLowerCase();

export const demoOperator: Operator = { id: "demo", name: "Demo Operator", email: null, role: "admin" };

export interface Authenticated {
  /** Null when the request is signed out. */
  operator: Operator | null;
  /** A renewed session cookie to send back, when the idle clock was moved on. */
  setCookie?: string;
}

/**
 * Who is making the request, by the configured sign-in mode: the local demo operator (demo mode only),
 * the person a trusted auth proxy vouches for, or the operator in a sealed session cookie (oidc).
 */
export async function authenticate(headers: Headers, cfg: Config): Promise<Authenticated> {
  const auth = cfg.auth;
  if (auth.mode === "demo") return { operator: demoOperator };
  if (auth.mode === "proxy") return { operator: proxyOperator(headers, auth) };
  const state = await openSession(readCookie(headers, SESSION_COOKIE), auth.session);
  if (!state) return { operator: null };
  const { session } = state;
  const operator: Operator = {
    id: operatorId(session.sub),
    name: session.name,
    email: session.email,
    role: session.role,
  };
  if (!state.renew) return { operator };
  const sealed = await sealSession({ ...session, seenAt: Date.now() }, auth.session);
  const remaining = Math.max(1, Math.floor((session.issuedAt + auth.session.maxMs - Date.now()) / 1000));
  const secure = secureCookies(browserHost(headers, cfg.trustProxy));
  return { operator, setCookie: cookieHeader(SESSION_COOKIE, sealed, { maxAgeSeconds: remaining, secure }) };
}

/** The operator making the request, or null when it is signed out. */
export async function resolveOperator(headers: Headers, cfg: Config): Promise<Operator | null> {
  return (await authenticate(headers, cfg)).operator;
}

/** How an operator is named in text the console sends to Buildkite on their behalf. */
export function attribution(operator: Operator): string {
  return operator.email ? `${operator.name} <${operator.email}>` : operator.name;
}

/** What the console appends to each notification, so its reader knows who is handling the job. */
export const notificationSignature = (operator: Operator) => ` — ${attribution(operator)}`;

/** How many characters of a notification are left for the operator once their signature is appended. */
export const notificationRoom = (operator: Operator) => roomLeftBy(notificationSignature(operator));
