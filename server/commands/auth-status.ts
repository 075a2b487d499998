import "server-only";
import { authStatusSchema } from "@/lib/schemas/auth";
import { BuildkiteError } from "../buildkite/errors";
import { defineCommand } from "../route-kit/command";
import { rolePermissions } from "../auth/permissions";
import { REQUIRED_REST_SCOPES, restTokenStatus } from "../auth/rest-token-status";
import { tokenVerdicts, type TokenVerdict } from "../auth/token-verdicts";

const verdict = (valid: boolean | null): TokenVerdict | null =>
  valid === true ? "accepted" : valid === false ? "rejected" : null;

async function checkClusterToken(run: () => Promise<unknown>) {
  try {
    await run();
    return { valid: true, error: null };
  } catch (error) {
    if (error instanceof BuildkiteError) {
      // Only a 401 says the token itself is bad; anything else leaves its validity unknown.
      return { valid: error.status === 401 ? false : null, error: { status: error.status, message: error.message } };
    }
    throw error;
  }
}

export const authStatus = defineCommand({
  name: "auth.status",
  permission: "read",
  output: authStatusSchema,
  async run(_input, { runtime, operator, signal }) {
    const { config } = runtime;
    const stackKey = config.stackKey;
    const queueKey = config.queueKeys[0] ?? "_default";
    // The Stacks API has no "who am I"; a (shared, cached) read of the watched queue proves the token.
    const [cluster, rest] = await Promise.all([
      checkClusterToken(() => runtime.live.scheduledPage({ stackKey, queueKey, limit: 1 })),
      restTokenStatus(runtime.rest, signal),
    ]);
    // What Buildkite said is what readiness reports next, without asking again.
    tokenVerdicts().record("cluster", verdict(cluster.valid));
    if (rest.configured) tokenVerdicts().record("rest", verdict(rest.valid));
    const warnings: string[] = [];
    if (cluster.valid === false) warnings.push("Buildkite rejected the cluster token.");
    else if (cluster.error) warnings.push(`Could not check the cluster token: ${cluster.error.message}`);
    if (!rest.configured)
      warnings.push("No REST API token and organization: builds, logs and artifacts are unavailable.");
    else if (rest.valid === false) warnings.push("Buildkite rejected the REST API token.");
    else if (rest.error) warnings.push(`Could not check the REST API token: ${rest.error.message}`);
    else if (rest.missingScopes.length > 0) warnings.push(`The REST API token lacks ${rest.missingScopes.join(", ")}.`);
    const data = {
      mode: config.mode,
      org: config.org ?? null,
      clusterToken: {
        configured: true,
        valid: cluster.valid,
        stackKey,
        queueKeys: config.queueKeys,
        error: cluster.error,
      },
      apiToken: { configured: rest.configured },
      rest: {
        configured: rest.configured,
        valid: rest.valid,
        error: rest.error,
        scopes: rest.token?.scopes ?? [],
        requiredScopes: [...REQUIRED_REST_SCOPES],
        missingScopes: rest.missingScopes,
        budget: runtime.rest ? await runtime.rest.budget() : null,
      },
      // The contract's names: the REST token and its user at the top, as `GET /v2/access-token` tells them.
      token: rest.token,
      user: rest.token?.user ?? null,
      requiredScopes: [...REQUIRED_REST_SCOPES],
      missingScopes: rest.missingScopes,
      capabilities: rest.capabilities,
      pollIntervalMs: config.pollIntervalMs,
      // Who the console acts as for this request; its email stays out of the browser's way.
      operator: { name: operator.name, role: operator.role, permissions: [...rolePermissions[operator.role]] },
    };
    const summary = {
      ready: cluster.valid === true,
      mode: config.mode,
      requiredScopes: [...REQUIRED_REST_SCOPES],
      grantedScopes: rest.token?.scopes.length ?? 0,
      missingScopes: rest.missingScopes,
      warnings,
    };
    return { data, summary };
  },
});
