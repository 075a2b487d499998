import "server-only";
import { z } from "zod";

// Sign-in settings, parsed by server/config.ts (the only module that reads the environment). Fails closed: a
// console holding Buildkite tokens never starts without a sign-in mode, and never with the demo operator.

const optional = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const list = (lower: boolean) =>
  z
    .string()
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(",")
        .map((item) => (lower ? item.trim().toLowerCase() : item.trim()))
        .filter(Boolean),
    );
const headerName = (fallback: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9-]{1,100}$/, "a header name such as X-Forwarded-Email")
    .default(fallback)
    .transform((value) => value.toLowerCase());

export const authEnv = {
  AUTH_MODE: z.enum(["oidc", "proxy", "demo"], "one of oidc, proxy or demo").optional(),
  SESSION_SECRET: optional,
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(8 * 60),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(30 * 24)
    .default(24),
  AUTH_PROXY_SECRET: optional,
  AUTH_PROXY_SECRET_HEADER: headerName("X-Auth-Proxy-Secret"),
  AUTH_PROXY_EMAIL_HEADER: headerName("X-Forwarded-Email"),
  AUTH_PROXY_USER_HEADER: headerName("X-Forwarded-User"),
  AUTH_PROXY_GROUPS_HEADER: headerName("X-Forwarded-Groups"),
  AUTH_ADMIN_EMAILS: list(true),
  AUTH_OPERATOR_EMAILS: list(true),
  AUTH_ADMIN_DOMAINS: list(true),
  AUTH_OPERATOR_DOMAINS: list(true),
  AUTH_ADMIN_GROUPS: list(false),
  AUTH_OPERATOR_GROUPS: list(false),
  OIDC_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_REDIRECT_URL: z.url({ protocol: /^https?$/ }).optional(),
  OIDC_GROUPS_CLAIM: z.string().min(1).max(200).default("groups"),
  OIDC_SCOPES: z.string().min(1).max(500).default("openid email profile"),
};

type AuthEnv = z.infer<z.ZodObject<typeof authEnv>>;

export interface RoleRules {
  adminEmails: string[];
  operatorEmails: string[];
  adminDomains: string[];
  operatorDomains: string[];
  adminGroups: string[];
  operatorGroups: string[];
}

export interface SessionSettings {
  secret: string;
  idleMs: number;
  maxMs: number;
}

export type AuthConfig =
  | { mode: "demo" }
  | {
      mode: "proxy";
      secret: string;
      headers: { secret: string; email: string; user: string; groups: string };
      roles: RoleRules;
    }
  | {
      mode: "oidc";
      session: SessionSettings;
      issuer: string;
      clientId: string;
      clientSecret: string | undefined;
      redirectUrl: string | undefined;
      groupsClaim: string;
      scopes: string;
      roles: RoleRules;
    };

export const MIN_SESSION_SECRET = 32;
export const MIN_PROXY_SECRET = 16;

export function parseAuth(e: AuthEnv, demo: boolean, fail: (variable: string, detail: string) => Error): AuthConfig {
  const mode = e.AUTH_MODE ?? (demo ? "demo" : undefined);
  if (mode === undefined) {
    throw fail(
      "AUTH_MODE",
      "is required when Buildkite tokens are set: choose oidc (OpenID Connect sign-in) or proxy (a trusted auth proxy's headers).",
    );
  }
  if (mode === "demo") {
    if (!demo) throw fail("AUTH_MODE", "cannot be demo when Buildkite tokens are set: choose oidc or proxy.");
    return { mode: "demo" };
  }
  const roles: RoleRules = {
    adminEmails: e.AUTH_ADMIN_EMAILS,
    operatorEmails: e.AUTH_OPERATOR_EMAILS,
    adminDomains: e.AUTH_ADMIN_DOMAINS,
    operatorDomains: e.AUTH_OPERATOR_DOMAINS,
    adminGroups: e.AUTH_ADMIN_GROUPS,
    operatorGroups: e.AUTH_OPERATOR_GROUPS,
  };
  if (mode === "proxy") {
    if (!e.AUTH_PROXY_SECRET || e.AUTH_PROXY_SECRET.length < MIN_PROXY_SECRET) {
      throw fail(
        "AUTH_PROXY_SECRET",
        `is required in proxy mode, at least ${MIN_PROXY_SECRET} characters, and must be sent by the auth proxy only.`,
      );
    }
    return {
      mode,
      secret: e.AUTH_PROXY_SECRET,
      headers: {
        secret: e.AUTH_PROXY_SECRET_HEADER,
        email: e.AUTH_PROXY_EMAIL_HEADER,
        user: e.AUTH_PROXY_USER_HEADER,
        groups: e.AUTH_PROXY_GROUPS_HEADER,
      },
      roles,
    };
  }
  if (!e.SESSION_SECRET || e.SESSION_SECRET.length < MIN_SESSION_SECRET) {
    throw fail("SESSION_SECRET", `is required in oidc mode and must be at least ${MIN_SESSION_SECRET} characters.`);
  }
  if (!e.OIDC_ISSUER) throw fail("OIDC_ISSUER", "is required in oidc mode (the identity provider's issuer URL).");
  if (!e.OIDC_CLIENT_ID) throw fail("OIDC_CLIENT_ID", "is required in oidc mode.");
  return {
    mode,
    session: {
      secret: e.SESSION_SECRET,
      idleMs: e.SESSION_IDLE_MINUTES * 60_000,
      maxMs: e.SESSION_MAX_HOURS * 3_600_000,
    },
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    redirectUrl: e.OIDC_REDIRECT_URL,
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    scopes: e.OIDC_SCOPES,
    roles,
  };
}
