import "server-only";
import { after } from "next/server";

/**
 * Runs `task` once the response has been sent (Next's `after`, which on Vercel keeps the function alive
 * until it settles), so Buildkite gets its answer at once: it waits only seconds for one. Outside Next's
 * request scope (a route handler called by a plain Node server, as the integration tests do) `after`
 * throws; the task then starts at once, detached, which on a long-lived server is what `after` amounts to.
 */
export function afterResponse(task: () => Promise<void>): void {
  try {
    after(task);
  } catch (error) {
    if (!(error instanceof Error && /outside a request scope/.test(error.message))) throw error;
    void task();
  }
}
