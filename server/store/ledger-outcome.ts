import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import type { Ledger } from "./ledger";

/**
 * Settles ledger intents after an upstream call threw. Buildkite refusing (4xx) means nothing happened; a
 * dropped connection or a 5xx may have happened anyway, so those stay "unknown" rather than claim either.
 */
export async function settleAfterError(ledger: Ledger, eventIds: string[], error: unknown): Promise<void> {
  const refused = error instanceof BuildkiteError && error.status !== null && error.status < 500;
  if (!refused) return;
  await ledger.settle(eventIds.map((id) => ({ id, outcome: "failed", message: error.message })));
}
