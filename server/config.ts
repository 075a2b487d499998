import "server-only";
import { z } from "zod";
import { queueKeyInput, stackKeyInput } from "@/lib/inputs/stacks";
import { DEFAULT_THRESHOLDS, type Band } from "@/lib/thresholds";
import { authEnv, parseAuth } from "./auth/config";
import { DEFAULT_WAIT_SLO_SECONDS } from "./triage/input";

// The only module that reads process.env. Parsed once; a bad value stops start-up with one message
// that names the variable, because a half-configured console pointed at production is worse than none.

const queueKeyList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((key) => key.trim())
      .filter(Boolean),
  )
  // The same rules as a request's `?queue=`: a key the API would refuse must stop start-up instead.
  .pipe(z.array(queueKeyInput).min(1, "at least one queue key"));
// Unset or blank: every queue of the stack's cluster is watched (server/stacks/watched-queues.ts).
const optionalQueueKeyList = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value : undefined))
  .pipe(queueKeyList.optional());
const count = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);
const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const httpUrl = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));

const envSchema = z.object({
  BUILDKITE_CLUSTER_TOKEN: optionalSecret,
  BUILDKITE_API_TOKEN: optionalSecret,
  BUILDKITE_ORG: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/, "an organization slug such as acme")
    .optional(),
  STACK_KEY: stackKeyInput.default("stack-console"),
  QUEUE_KEY: optionalQueueKeyList,
  BUILDKITE_AGENT_API_URL: httpUrl.default("https://agent.buildkite.com/v3"),
  BUILDKITE_REST_API_URL: httpUrl.default("https://api.buildkite.com/v2"),
  POLL_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(1000, "at least 1000 (the Stacks API allows 10 list calls a second per stack)")
    .default(2000),
  BUILDKITE_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  BUILDKITE_USER_AGENT_PREFIX: z.string().max(200).optional(),
  // Demo mode only: pin the in-process simulator to a port so its /__sim control surface can be reached
  // (end-to-end tests drive the demo through it). Unset, it takes any free loopback port.
  DEMO_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  // The port the console's server listens on (`next start` and the standalone server set it). Demo mode
  // registers its own webhook receiver at this port with the simulator.
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Vercel sets VERCEL=1 in its functions, where nothing may listen on a port and the disk is ephemeral.
  VERCEL: z.string().optional(),
  // Demo mode only: how the console reaches its simulator. "port" serves it on loopback; "in-process" calls
  // it through an undici dispatcher without listening at all. Unset: in-process on Vercel, else port.
  SIMULATOR_TRANSPORT: z.enum(["in-process", "port"], "in-process or port").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_HTTP_PAYLOADS: z
    .enum(["true", "false"])
    .default("false")
    .transform((value) => value === "true"),
  // Changes one operator may make a minute through the console (each bulk action counts once).
  MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  // Reads one viewer may make of the REST API a minute (those served from what others fetched are free):
  // the budget is 50 a minute for the console's token however many people use it.
  REST_READS_PER_VIEWER_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(25),
  // The durable store: PostgreSQL when set, else an embedded PGlite database in DATA_DIR ("memory://"
  // keeps it in memory, for tests).
  DATABASE_URL: optionalSecret.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL")
      .optional(),
  ),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  // Shared state between instances (reads, locks, budgets). A secret: the URL may carry a password.
  REDIS_URL: optionalSecret.pipe(
    z
      .string()
      .regex(/^rediss?:\/\//, "a redis:// or rediss:// URL")
      .optional(),
  ),
  // Every key the console writes starts with this, so consoles (or test runs) sharing one Redis never collide.
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "1 to 64 letters, digits or : _ . -")
    .default("stack-console:"),
  // The Bearer token a Prometheus scraper sends for /api/metrics; unset, the endpoint is not served at all.
  // A short one could be guessed, and the metrics name stacks, queues and how busy the console is.
  METRICS_TOKEN: optionalSecret.pipe(z.string().min(16, "must be at least 16 characters").optional()),
  // The token of Buildkite's webhook: compared with X-Buildkite-Token, or the HMAC key of X-Buildkite-Signature.
  // Unset, /api/v1/webhooks/buildkite does not exist. Buildkite generates it, so its length is not ours to set.
  BUILDKITE_WEBHOOK_TOKEN: optionalSecret,
  // Behind a reverse proxy that sets X-Forwarded-Host and -Proto, those name the console's origin; without
  // one they are whatever a caller sent, so they are ignored unless this says a proxy is there.
  TRUST_PROXY: z
    .enum(["true", "false"], "true or false")
    .default("false")
    .transform((value) => value === "true"),
  // When a queue's numbers turn warning or critical (lib/thresholds.ts explains the defaults).
  BACKLOG_WARNING: count(DEFAULT_THRESHOLDS.backlog.warning),
  BACKLOG_CRITICAL: count(DEFAULT_THRESHOLDS.backlog.critical),
  WAIT_WARNING_SECONDS: count(DEFAULT_THRESHOLDS.waitSeconds.warning).pipe(z.number().min(1)),
  WAIT_CRITICAL_SECONDS: count(DEFAULT_THRESHOLDS.waitSeconds.critical).pipe(z.number().min(1)),
  LONG_WAITS_WARNING: count(DEFAULT_THRESHOLDS.longWaits.warning),
  LONG_WAITS_CRITICAL: count(DEFAULT_THRESHOLDS.longWaits.critical),
  WAIT_SLO_SECONDS: count(DEFAULT_WAIT_SLO_SECONDS).pipe(z.number().min(1)),
  ...authEnv,
});

/** Each warning limit with its critical one: a warning above critical could never show. */
const thresholdPairs = [
  ["BACKLOG_WARNING", "BACKLOG_CRITICAL"],
  ["WAIT_WARNING_SECONDS", "WAIT_CRITICAL_SECONDS"],
  ["LONG_WAITS_WARNING", "LONG_WAITS_CRITICAL"],
] as const;

const checkedEnvSchema = envSchema.superRefine((e, ctx) => {
  for (const [warning, critical] of thresholdPairs) {
    if (e[warning] > e[critical])
      ctx.addIssue({
        code: "custom",
        path: [warning],
        message: `must not be above ${critical} (${e[warning]} > ${e[critical]})`,
      });
  }
});

const band = (warning: number, critical: number): Band => ({ warning, critical });

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

/** The environment, parsed, in the shape the console uses; a variable is added here and nowhere else. */
const configSchema = checkedEnvSchema.transform((e) => {
  const demo = e.BUILDKITE_CLUSTER_TOKEN === undefined;
  return {
    mode: demo ? ("demo" as const) : ("live" as const),
    clusterToken: e.BUILDKITE_CLUSTER_TOKEN,
    apiToken: e.BUILDKITE_API_TOKEN,
    org: e.BUILDKITE_ORG,
    // Demo mode watches the simulator's own stack and all its queues whatever the environment says.
    stackKey: demo ? "stack-console" : e.STACK_KEY,
    /** The configured queues; when none are, just the default queue, where discovery starts. */
    queueKeys: demo ? ["_default"] : (e.QUEUE_KEY ?? ["_default"]),
    /** True when QUEUE_KEY names no queue: every queue of the stack's cluster is watched. */
    discoverQueues: demo || e.QUEUE_KEY === undefined,
    thresholds: {
      backlog: band(e.BACKLOG_WARNING, e.BACKLOG_CRITICAL),
      waitSeconds: band(e.WAIT_WARNING_SECONDS, e.WAIT_CRITICAL_SECONDS),
      longWaits: band(e.LONG_WAITS_WARNING, e.LONG_WAITS_CRITICAL),
    },
    /** How long a job may wait before triage flags it. */
    waitSloSeconds: e.WAIT_SLO_SECONDS,
    agentApiUrl: e.BUILDKITE_AGENT_API_URL,
    restApiUrl: e.BUILDKITE_REST_API_URL,
    pollIntervalMs: e.POLL_INTERVAL_MS,
    retryAttempts: e.BUILDKITE_RETRY_ATTEMPTS,
    demoSimulatorPort: e.DEMO_SIMULATOR_PORT,
    port: e.PORT,
    /** True on a serverless host (Vercel): no port to keep, and no disk that outlives the instance. */
    serverless: e.VERCEL === "1",
    simulatorTransport: e.SIMULATOR_TRANSPORT ?? (e.VERCEL === "1" ? ("in-process" as const) : ("port" as const)),
    userAgentPrefix: e.BUILDKITE_USER_AGENT_PREFIX,
    logLevel: e.LOG_LEVEL,
    logHttpPayloads: e.LOG_HTTP_PAYLOADS,
    mutationsPerMinute: e.MUTATIONS_PER_MINUTE,
    // The demo's Buildkite is the simulator in this process: there is no budget to share.
    restReadsPerViewerPerMinute: demo ? null : e.REST_READS_PER_VIEWER_PER_MINUTE,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    redis: e.REDIS_URL === undefined ? null : { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX },
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    webhookToken: e.BUILDKITE_WEBHOOK_TOKEN,
    auth: parseAuth(e, demo, (variable, detail) => new ConfigError(variable, detail)),
  };
});

export type Config = z.output<typeof configSchema>;
export type Mode = Config["mode"];
export type { AuthConfig } from "./auth/config";

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ConfigError(variable, `is not valid: ${issue?.message ?? "unknown problem"}`);
  }
  return parsed.data;
}

let loaded: Config | undefined;

export function config(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}

/**
 * Whether this is a production server (`next build` and `next start` set NODE_ENV so); dev servers and
 * tests are not. Not part of Config: it describes the build, not how an operator configured the console.
 */
export function isProductionServer(): boolean {
  return process.env.NODE_ENV === "production";
}
