import "server-only";
import { config, type Config } from "./config";
import { log } from "./log";
import { createStacksClient, type StacksClient } from "./buildkite/stacks";
import { createLiveReads, type LiveReads } from "./live/live-reads";
import { createMemoryLedger, type Ledger } from "./store/ledger";

export interface Runtime {
  config: Config;
  stacks: StacksClient;
  live: LiveReads;
  ledger: Ledger;
}

// Where Buildkite is. In demo mode that is the simulator started in-process on a free loopback port;
// this is the only place in the app that knows the simulator exists.
async function upstream(cfg: Config): Promise<{ agentApiUrl: string; clusterToken: string }> {
  if (cfg.mode === "live" && cfg.clusterToken) {
    return { agentApiUrl: cfg.agentApiUrl, clusterToken: cfg.clusterToken };
  }
  const { startSimulator } = await import("./simulator");
  const sim = await startSimulator({ activity: true, port: cfg.demoSimulatorPort ?? 0 });
  log().info({ agentApiUrl: sim.agentApiUrl }, "demo mode: serving the simulated cluster");
  return { agentApiUrl: sim.agentApiUrl, clusterToken: sim.clusterToken };
}

async function createRuntime(): Promise<Runtime> {
  const cfg = config();
  const target = await upstream(cfg);
  const stacks = createStacksClient({
    baseUrl: target.agentApiUrl,
    token: target.clusterToken,
    userAgentPrefix: cfg.userAgentPrefix,
    logger: log().child({ component: "stacks-api" }),
    logPayloads: cfg.logHttpPayloads,
    retry: { maxAttempts: cfg.retryAttempts },
  });
  return { config: cfg, stacks, live: createLiveReads({ stacks, ttlMs: cfg.pollIntervalMs }), ledger: createMemoryLedger() };
}

// Kept on globalThis so that Next's separately bundled route and page modules share one runtime (one
// simulator, one cache) instead of one each.
const holder = globalThis as typeof globalThis & { __stackConsoleRuntime?: Promise<Runtime> };

export function runtime(): Promise<Runtime> {
  holder.__stackConsoleRuntime ??= createRuntime().catch((error: unknown) => {
    holder.__stackConsoleRuntime = undefined;
    throw error;
  });
  return holder.__stackConsoleRuntime;
}
