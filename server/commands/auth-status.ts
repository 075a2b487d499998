import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import { defineCommand } from "../command";

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
  async run(_input, { runtime, operator }) {
    const { config } = runtime;
    const stackKey = config.stackKey;
    const queueKey = config.queueKeys[0] ?? "_default";
    // The Stacks API has no "who am I"; a (shared, cached) read of the watched queue proves the token.
    const cluster = await checkClusterToken(() => runtime.live.scheduledPage({ stackKey, queueKey, limit: 1 }));
    const warnings: string[] = [];
    if (cluster.valid === false) warnings.push("Buildkite rejected the cluster token.");
    else if (cluster.error) warnings.push(`Could not check the cluster token: ${cluster.error.message}`);
    if (config.mode === "live" && !config.apiToken) warnings.push("No REST API token: builds, logs and artifacts are unavailable.");
    const data = {
      mode: config.mode,
      org: config.org ?? null,
      clusterToken: { configured: true, valid: cluster.valid, stackKey, queueKeys: config.queueKeys, error: cluster.error },
      apiToken: { configured: config.mode === "demo" || Boolean(config.apiToken) },
      pollIntervalMs: config.pollIntervalMs,
      // Who the console acts as for this request; its email stays out of the browser's way.
      operator: { name: operator.name, role: operator.role },
    };
    return { data, summary: { ready: cluster.valid === true, mode: config.mode, warnings } };
  },
});
