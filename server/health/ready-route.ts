import "server-only";
import { tokenVerdicts, verdictOf, type TokenVerdict } from "../auth/token-verdicts";
import { restTokenStatus } from "../auth/rest-token-status";
import { runtime as sharedRuntime, type Runtime } from "../runtime";
import { migrations } from "../store/migrations";
import { store } from "../store/store";
import { createBuildkiteReadiness, type BuildkiteReadiness } from "./buildkite-readiness";
import { TIMED_OUT, withDeadline } from "./deadline";
import { readinessChecks } from "./readiness-checks";
import { assessReadiness } from "./readiness";
import { storeReadiness } from "./store-readiness";

/** A probe answers within a few seconds whatever hangs; the load balancer's own timeout is rarely longer. */
const CHECK_TIMEOUT_MS = 3_000;
/** At most one token check per this long from probes, however often and from however many they come. */
const TOKEN_CHECK_INTERVAL_MS = 30_000;
/** A token check's own limit; the probe stops waiting for it sooner (CHECK_TIMEOUT_MS). */
const TOKEN_CHECK_TIMEOUT_MS = 15_000;

const buildkiteReadiness = new WeakMap<Runtime, () => Promise<BuildkiteReadiness>>();

function buildkiteReadinessOf(runtime: Runtime): () => Promise<BuildkiteReadiness> {
  let check = buildkiteReadiness.get(runtime);
  if (check) return check;
  const { stackKey, queueKeys } = runtime.config;
  const rest = runtime.rest;
  check = createBuildkiteReadiness({
    verdicts: tokenVerdicts(),
    maxAgeMs: TOKEN_CHECK_INTERVAL_MS,
    answerWithinMs: CHECK_TIMEOUT_MS,
    checks: {
      // The Stacks API has no "who am I": the same shared read auth.status makes, ended by the client's timeout.
      cluster: () =>
        runtime.live.scheduledPage({ stackKey, queueKey: queueKeys[0] ?? "_default", limit: 1 }).then(
          () => verdictOf({ ok: true }),
          (error: unknown) => verdictOf({ ok: false, error }),
        ),
      ...(rest
        ? {
            rest: () =>
              restTokenStatus(rest, AbortSignal.timeout(TOKEN_CHECK_TIMEOUT_MS)).then((status): TokenVerdict | null =>
                status.valid === true ? "accepted" : status.valid === false ? "rejected" : null,
              ),
          }
        : {}),
    },
  });
  buildkiteReadiness.set(runtime, check);
  return check;
}

/**
 * GET /api/ready: no sign-in, never cached, and nothing in it but one word per part. Not a route-kit
 * command: it has no operator to resolve, and probes every few seconds would flood the request log.
 */
export async function readyHandler(): Promise<Response> {
  const ready = await assessReadiness({
    store: () =>
      storeReadiness(
        store,
        migrations.map((migration) => migration.id),
        CHECK_TIMEOUT_MS,
      ),
    buildkite: async () => {
      // Only before start-up has finished (it waits for the runtime before serving): not ready yet.
      const runtime = await withDeadline(sharedRuntime(), CHECK_TIMEOUT_MS);
      if (runtime === TIMED_OUT) return "starting";
      return buildkiteReadinessOf(runtime)();
    },
    extra: readinessChecks(),
  });
  return Response.json(ready, {
    status: ready.status === "ready" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
