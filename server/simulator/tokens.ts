import { createRandom, deriveSeed } from "./random";
import type { User } from "./model";

export interface Tokens {
  cluster: string;
  api: string;
  apiReadOnly: string;
  /** A REST token made for watching agents: it reads agents and clusters, never builds. */
  apiAgentsOnly: string;
}

/** Realistic-looking and distinct per seed, so a token leaked from one demo never works against another. */
export function deriveTokens(seed: number): Tokens {
  const random = createRandom(deriveSeed(seed, "tokens"));
  return {
    cluster: `bkct_${random.alphanumeric(40)}`,
    api: `bkua_${random.hex(40)}`,
    apiReadOnly: `bkua_${random.hex(40)}`,
    // Drawn last, so the tokens before it keep their values.
    apiAgentsOnly: `bkua_${random.hex(40)}`,
  };
}

/**
 * The REST API scopes the simulator knows; the full token has all of them, the read-only one the read_* ones
 * but read_agents, like a token made for builds before anyone needed agents (so consoles meet its refusal).
 */
export const REST_SCOPES = [
  "read_builds",
  "write_builds",
  "read_build_logs",
  "read_artifacts",
  "read_job_env",
  "read_pipelines",
  "read_clusters",
  "write_clusters",
  "read_agents",
] as const;
export type RestScope = (typeof REST_SCOPES)[number];

const READ_SCOPES: readonly RestScope[] = REST_SCOPES.filter(
  (scope) => scope.startsWith("read_") && scope !== "read_agents",
);

const AGENTS_ONLY_SCOPES: readonly RestScope[] = ["read_agents", "read_clusters"];

export interface RestIdentity {
  scopes: readonly RestScope[];
  user: User;
  /** Which of the REST tokens it was, so `GET /access-token` can describe it. */
  token: "full" | "read-only" | "agents-only";
}

/** Both REST tokens belong to the demo organisation's one API user. */
export const API_USER: User = { name: "Demo Operator", email: "demo-operator@acme.example" };

/** Who a REST `Authorization` header speaks for; null for anything but `Bearer <a REST token>`. */
export function restIdentity(tokens: Tokens, authorization: string | null): RestIdentity | null {
  if (authorization === `Bearer ${tokens.api}`) return { scopes: REST_SCOPES, user: API_USER, token: "full" };
  if (authorization === `Bearer ${tokens.apiReadOnly}`)
    return { scopes: READ_SCOPES, user: API_USER, token: "read-only" };
  if (authorization === `Bearer ${tokens.apiAgentsOnly}`)
    return { scopes: AGENTS_ONLY_SCOPES, user: API_USER, token: "agents-only" };
  return null;
}
