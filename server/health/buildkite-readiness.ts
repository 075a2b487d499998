import "server-only";
import type { TokenName, TokenVerdict, TokenVerdicts } from "../auth/token-verdicts";
import { withDeadline } from "./deadline";

/** "unchecked": Buildkite has not answered a check of some token yet (an outage says nothing of the tokens). */
export type BuildkiteReadiness = "ok" | "rejected" | "unchecked" | "starting";

export interface BuildkiteReadinessOptions {
  verdicts: TokenVerdicts;
  /** One check per configured token; each asks Buildkite once and says what it answered. */
  checks: Partial<Record<TokenName, () => Promise<TokenVerdict | null>>>;
  /** A token checked (by anyone) more recently than this is not checked again for a probe. */
  maxAgeMs: number;
  /**
   * How long a probe waits for a check. One that takes longer runs on and records its verdict when it has
   * one; meanwhile probes report what was known before it.
   */
  answerWithinMs: number;
  now?: () => number;
}

/**
 * Whether Buildkite accepted the console's tokens at their last check. Probes come every few seconds from
 * every load balancer, so they are answered from the last known verdicts; only when those are older than
 * `maxAgeMs` does a probe check again, and probes arriving meanwhile share that one check.
 */
export function createBuildkiteReadiness(options: BuildkiteReadinessOptions): () => Promise<BuildkiteReadiness> {
  const now = options.now ?? Date.now;
  const tokens = (Object.keys(options.checks) as TokenName[]).filter((token) => options.checks[token]);
  let inFlight: Promise<void> | null = null;

  const stale = () =>
    tokens.filter((token) => {
      const record = options.verdicts.last(token);
      return record === undefined || now() - record.checkedAt >= options.maxAgeMs;
    });

  function checkAgain(which: TokenName[]): Promise<void> {
    inFlight ??= Promise.all(
      which.map(async (token) => {
        const verdict = await (options.checks[token]?.() ?? Promise.resolve(null)).catch(() => null);
        options.verdicts.record(token, verdict);
      }),
    )
      .then(() => undefined)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return async () => {
    const due = stale();
    if (due.length > 0) await withDeadline(checkAgain(due), options.answerWithinMs);
    const verdicts = tokens.map((token) => options.verdicts.last(token)?.verdict ?? null);
    if (verdicts.includes("rejected")) return "rejected";
    return verdicts.every((verdict) => verdict === "accepted") ? "ok" : "unchecked";
  };
}
