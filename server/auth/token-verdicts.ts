import "server-only";
import { BuildkiteError } from "../buildkite/errors";

/** The console's two Buildkite tokens. */
export type TokenName = "cluster" | "rest";
/** What Buildkite last said of a token; null when it has not said either yet. */
export type TokenVerdict = "accepted" | "rejected";

export interface TokenRecord {
  verdict: TokenVerdict | null;
  /** When a check last ran, conclusive or not, so a failing check is not repeated on every probe. */
  checkedAt: number;
}

/** Only a 401 says a token is bad; a timeout, a 5xx or a 429 says nothing about it either way. */
export function verdictOf(outcome: { ok: true } | { ok: false; error: unknown }): TokenVerdict | null {
  if (outcome.ok) return "accepted";
  return outcome.error instanceof BuildkiteError && outcome.error.status === 401 ? "rejected" : null;
}

/**
 * What each token's last check found. Whoever learns it (auth.status, readiness) records it here, so
 * readiness can answer from what is already known instead of asking Buildkite on every probe.
 */
export function createTokenVerdicts(now: () => number = Date.now) {
  const records = new Map<TokenName, TokenRecord>();
  return {
    /** An inconclusive check keeps the last conclusive verdict: Buildkite being down does not unmake a token. */
    record(token: TokenName, verdict: TokenVerdict | null) {
      records.set(token, { verdict: verdict ?? records.get(token)?.verdict ?? null, checkedAt: now() });
    },
    last(token: TokenName): TokenRecord | undefined {
      return records.get(token);
    },
  };
}

export type TokenVerdicts = ReturnType<typeof createTokenVerdicts>;

// On globalThis so that Next's separately bundled route modules share what any of them learned.
const holder = globalThis as typeof globalThis & { __stackConsoleTokenVerdicts?: TokenVerdicts };

export function tokenVerdicts(): TokenVerdicts {
  holder.__stackConsoleTokenVerdicts ??= createTokenVerdicts();
  return holder.__stackConsoleTokenVerdicts;
}
