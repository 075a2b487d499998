import "server-only";
import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { config, type Config } from "./config";
import type { Dispatcher } from "undici";
import { log } from "./log";
import { consoleMetrics } from "./metrics/registry";
import { createMutationRateLimit, createReadShare, type MutationRateLimit } from "./operator-limits";
import { actingOperatorId } from "./route-kit/acting-operator";
import { createRestClient, type RestBudget, type RestClient } from "./buildkite/rest";
import { createStacksClient, type StacksClient } from "./buildkite/stacks";
import { createClusterQueueReads, type ClusterQueueReads } from "./live/cluster-queues";
import { createLiveReads, type LiveReads } from "./live/live-reads";
import { createQueueStreams, type QueueStreams } from "./live/queue-streams";
import { toEnvelopeError } from "./route-kit/error-envelope";
import { createLogMirrors, type LogMirrors } from "./logs/log-mirrors";
import { createRestReads, type RestReads } from "./live/rest-reads";
import type { SharedState } from "./live/shared-state";
import { restBudgetSchema } from "./live/snapshot-schemas";
import { sharedStateFor } from "./live/state";
import { createStoreLedger, type Ledger } from "./store/ledger";
import { store, type Store } from "./store/store";
import { createHistoryRecorder, type HistoryRecorder } from "./history/history-recorder";
import { triageDefaultQueue } from "./triage/triage-default-queue";
import { createQueueSamples, type QueueSamples } from "./history/queue-samples";
import { triageAgents } from "./triage/triage-agents";

export interface Runtime {
  config: Config;
  stacks: StacksClient;
  live: LiveReads;
  /** The event streams of queue changes open on this instance, and the reads that keep them current. */
  streams: QueueStreams;
  /** Null without a REST API token and organization: pause details are then unavailable. */
  clusterQueues: ClusterQueueReads | null;
  /** The REST API and the organization it is used for; null without a REST token and organization. */
  rest: RestAccess | null;
  ledger: Ledger;
  /** How many changes each operator may make a minute. */
  mutations: MutationRateLimit;
  /** What this instance shares with the others: Redis when REDIS_URL is set, else its own memory. */
  shared: SharedState;
  /** The durable store (audit log, ledger), opened and migrated on first use. */
  store: () => Promise<Store>;
  /**
   * What Buildkite's webhook deliveries are verified with: BUILDKITE_WEBHOOK_TOKEN, or in demo mode the
   * token the console registered its own receiver with at the simulator. Null: webhooks are off.
   */
  webhookToken: string | null;
  /** The queue history: one sample per queue and minute, recorded from the shared poller's fresh reads. */
  history: { samples: QueueSamples; recorder: HistoryRecorder; logger: Logger };
}

/** Builds change slowly next to a queue; the pages poll them every 5 s at most. */
const REST_READ_TTL_MS = 5_000;

export interface RestAccess {
  client: RestClient;
  org: string;
  /** Job logs mirrored to local disk for chunks, line numbers and search. */
  logs: LogMirrors;
  /** Builds, artifacts and annotations read once for every viewer within a few seconds. */
  reads: RestReads;
  /** What Buildkite last said is left of the REST budgets, as seen by whichever instance heard it last. */
  budget(): Promise<RestBudget>;
}

interface Upstream {
  /** In demo mode, the token of the webhook receiver the console registered with its simulator. */
  webhookToken?: string;
  agentApiUrl: string;
  clusterToken: string;
  rest: { url: string; token: string; org: string | undefined } | null;
  /** How requests reach it; undefined: over the network, through the clients' own connection pool. */
  dispatcher?: Dispatcher;
}

// Where Buildkite is. In demo mode that is the simulator, in this process: on a free loopback port, or,
// where nothing may listen (a serverless function), behind an undici dispatcher that calls its handler
// directly. This is the only place in the app that knows the simulator exists.
async function upstream(cfg: Config): Promise<Upstream> {
  if (cfg.mode === "live" && cfg.clusterToken) {
    const rest = cfg.apiToken ? { url: cfg.restApiUrl, token: cfg.apiToken, org: cfg.org } : null;
    return { agentApiUrl: cfg.agentApiUrl, clusterToken: cfg.clusterToken, rest };
  }
  const { startInProcessSimulator, startSimulator } = await import("./simulator");
  if (cfg.simulatorTransport === "in-process") {
    const sim = startInProcessSimulator({ activity: true });
    log().info("demo mode: serving the simulated cluster in-process, without a port");
    return {
      agentApiUrl: sim.agentApiUrl,
      clusterToken: sim.clusterToken,
      rest: { url: sim.restApiUrl, token: sim.apiToken, org: sim.org },
      dispatcher: sim.dispatcher,
    };
  }
  const sim = await startSimulator({ activity: true, port: cfg.demoSimulatorPort ?? 0 });
  log().info({ agentApiUrl: sim.agentApiUrl, restApiUrl: sim.restApiUrl }, "demo mode: serving the simulated cluster");
  // Like a Buildkite organisation with a webhook set up: the simulator signs its deliveries with a token
  // only this process knows and sends them to this server, so changes reach the page without the poll.
  // (In-process, above, there is no address of ours to send them to: the demo then relies on polling.)
  const webhookToken = randomBytes(24).toString("hex");
  sim.registerWebhook({
    url: `http://127.0.0.1:${cfg.port}/api/v1/webhooks/buildkite`,
    token: webhookToken,
    mode: "signature",
    events: [...DEMO_WEBHOOK_EVENTS],
  });
  return {
    agentApiUrl: sim.agentApiUrl,
    clusterToken: sim.clusterToken,
    rest: { url: sim.restApiUrl, token: sim.apiToken, org: sim.org },
    webhookToken,
  };
}

/** The deliveries that change what the console shows: jobs, builds and agents. */
const DEMO_WEBHOOK_EVENTS = [
  "job.scheduled",
  "job.started",
  "job.finished",
  "job.activated",
  "build.scheduled",
  "build.running",
  "build.failing",
  "build.finished",
  "agent.connected",
  "agent.lost",
  "agent.disconnected",
] as const;

/**
 * Everything a command needs, built from a parsed configuration: routes get the one `runtime()` makes
 * from the environment; a test can build its own and hand it to a command without touching the environment.
 */
export async function createRuntime(cfg: Config, openStore: () => Promise<Store> = store): Promise<Runtime> {
  // The store opens alongside: an embedded database's first start is heavy enough to stall requests that
  // are already in flight, so it happens before any. If it fails, mutations report it; reads still work.
  const [target] = await Promise.all([
    upstream(cfg),
    openStore().catch((error: unknown) => log().error({ err: error }, "the store could not be opened")),
  ]);
  const stacks = createStacksClient({
    baseUrl: target.agentApiUrl,
    token: target.clusterToken,
    dispatcher: target.dispatcher,
    userAgentPrefix: cfg.userAgentPrefix,
    logger: log().child({ component: "stacks-api" }),
    logPayloads: cfg.logHttpPayloads,
    retry: { maxAttempts: cfg.retryAttempts },
    observer: consoleMetrics().upstream.observer("stacks"),
  });
  const shared = sharedStateFor(cfg);
  // Buckets in Redis are shared with every instance; in memory they are exactly what one instance kept.
  const sharedBuckets = (name: string, perMinute: number) =>
    shared.kind === "memory" ? undefined : shared.tokenBuckets(name, perMinute);
  const readsPerMinute = cfg.restReadsPerViewerPerMinute;
  // Buildkite's budgets are per token, so every instance spends the same ones: the newest report counts.
  const restBudget = shared.observation<RestBudget>({
    name: "rest-budget",
    schema: restBudgetSchema,
    observedAt: (budget) => budget.observedAt,
    ttlMs: 60_000,
  });
  const readShare =
    readsPerMinute === null
      ? null
      : createReadShare({ perMinute: readsPerMinute, spend: sharedBuckets("rest-reads", readsPerMinute) });
  const rest =
    target.rest === null
      ? null
      : createRestClient({
          baseUrl: target.rest.url,
          token: target.rest.token,
          dispatcher: target.dispatcher,
          userAgentPrefix: cfg.userAgentPrefix,
          logger: log().child({ component: "rest-api" }),
          logPayloads: cfg.logHttpPayloads,
          retry: { maxAttempts: cfg.retryAttempts },
          onBudget: restBudget.offer,
          observer: consoleMetrics().upstream.observer("rest"),
          // Reads spend the viewer's share; writes are limited per operator already (mutations).
          beforeSend: (method) => {
            const viewer = actingOperatorId();
            if (readShare && viewer !== undefined && (method === "GET" || method === "HEAD"))
              return readShare.take(viewer);
          },
        });
  // Every cluster route is under an organization, so without one the REST client cannot read queues.
  const org = target.rest?.org;
  const clusterQueues =
    rest && org ? createClusterQueueReads({ rest, org, ttlMs: cfg.pollIntervalMs, state: shared }) : null;
  const restAccess: RestAccess | null =
    rest && org
      ? {
          client: rest,
          org,
          logs: createLogMirrors({ client: rest }),
          reads: createRestReads({ ttlMs: Math.max(cfg.pollIntervalMs, REST_READ_TTL_MS), state: shared }),
          budget: () => restBudget.newest(rest.budget()),
        }
      : null;
  const samples = createQueueSamples(async () => (await openStore()).db);
  const historyLogger = log().child({ component: "queue-history" });
  const recorder = createHistoryRecorder({
    samples,
    agents: async () => (await triageAgents({ rest: restAccess })).agents,
    defaultQueue: async (clusterQueueId) => (await triageDefaultQueue({ clusterQueues }, clusterQueueId)).key,
    logger: historyLogger,
  });
  const live = createLiveReads({ stacks, ttlMs: cfg.pollIntervalMs, state: shared, onFreshRead: recorder.observe });
  return {
    config: cfg,
    stacks,
    live,
    streams: createQueueStreams({
      live,
      changes: shared.changes,
      pollIntervalMs: cfg.pollIntervalMs,
      describeError: (error) => toEnvelopeError(error, "").error,
    }),
    clusterQueues,
    rest: restAccess,
    history: { samples, recorder, logger: historyLogger },
    ledger: createStoreLedger(async () => (await openStore()).db),
    mutations: createMutationRateLimit({
      perMinute: cfg.mutationsPerMinute,
      spend: sharedBuckets("mutations", cfg.mutationsPerMinute),
    }),
    shared,
    store: openStore,
    webhookToken: cfg.webhookToken ?? target.webhookToken ?? null,
  };
}

// Kept on globalThis so that Next's separately bundled route and page modules share one runtime (one
// simulator, one cache) instead of one each.
const holder = globalThis as typeof globalThis & { __stackConsoleRuntime?: Promise<Runtime> };

/**
 * Resolves once the work a read leaves running after its answer (recording the queue's minute sample, with
 * the shared reads that takes) is done, if a runtime exists: for a test that counts upstream calls.
 */
export async function backgroundSettled(): Promise<void> {
  const current = await holder.__stackConsoleRuntime?.catch(() => undefined);
  await current?.history.recorder.settled();
}

export function runtime(): Promise<Runtime> {
  holder.__stackConsoleRuntime ??= createRuntime(config()).catch((error: unknown) => {
    holder.__stackConsoleRuntime = undefined;
    throw error;
  });
  return holder.__stackConsoleRuntime;
}
