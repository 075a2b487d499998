import "server-only";
import { z } from "zod";
import { authEnv, parseAuth, type AuthConfig } from "./auth/config";

// The only module that reads process.env. Parsed once; a bad value stops start-up with one message
// that names the variable, because a half-configured console pointed at production is worse than none.

const stackKey = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, "letters, digits, _ or -, at most 80 characters");
const queueKeyList = z
  .string()
  .transform((value) => value.split(",").map((key) => key.trim()).filter(Boolean))
  .pipe(z.array(z.string().min(1).max(255)).min(1, "at least one queue key"));
const optionalSecret = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();
const httpUrl = z.url({ protocol: /^https?$/ }).transform((value) => value.replace(/\/+$/, ""));

const envSchema = z.object({
  BUILDKITE_CLUSTER_TOKEN: optionalSecret,
  BUILDKITE_API_TOKEN: optionalSecret,
  BUILDKITE_ORG: z.string().regex(/^[a-z0-9-]{1,100}$/, "an organization slug such as acme").optional(),
  STACK_KEY: stackKey.default("stack-console"),
  QUEUE_KEY: queueKeyList.default(["_default"]),
  BUILDKITE_AGENT_API_URL: httpUrl.default("https://agent.buildkite.com/v3"),
  BUILDKITE_REST_API_URL: httpUrl.default("https://api.buildkite.com/v2"),
  POLL_INTERVAL_MS: z.coerce.number().int().min(1000, "at least 1000 (the Stacks API allows 10 list calls a second per stack)").default(2000),
  BUILDKITE_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(5),
  BUILDKITE_USER_AGENT_PREFIX: z.string().max(200).optional(),
  // Demo mode only: pin the in-process simulator to a port so its /__sim control surface can be reached
  // (end-to-end tests drive the demo through it). Unset, it takes any free loopback port.
  DEMO_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOG_HTTP_PAYLOADS: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  // Changes one operator may make a minute through the console (each bulk action counts once).
  MUTATIONS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  // The durable store: PostgreSQL when set, else an embedded PGlite database in DATA_DIR ("memory://"
  // keeps it in memory, for tests).
  DATABASE_URL: optionalSecret.pipe(z.string().regex(/^postgres(ql)?:\/\//, "a postgres:// or postgresql:// URL").optional()),
  DATA_DIR: z.string().trim().min(1).default(".data"),
  ...authEnv,
});

export type Mode = "demo" | "live";
export type { AuthConfig } from "./auth/config";

export interface Config {
  mode: Mode;
  clusterToken: string | undefined;
  apiToken: string | undefined;
  org: string | undefined;
  stackKey: string;
  queueKeys: string[];
  agentApiUrl: string;
  restApiUrl: string;
  pollIntervalMs: number;
  retryAttempts: number;
  demoSimulatorPort: number | undefined;
  userAgentPrefix: string | undefined;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  logHttpPayloads: boolean;
  mutationsPerMinute: number;
  databaseUrl: string | undefined;
  dataDir: string;
  auth: AuthConfig;
}

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    throw new ConfigError(variable, `is not valid: ${issue?.message ?? "unknown problem"}`);
  }
  const e = parsed.data;
  const demo = e.BUILDKITE_CLUSTER_TOKEN === undefined;
  return {
    mode: demo ? "demo" : "live",
    clusterToken: e.BUILDKITE_CLUSTER_TOKEN,
    apiToken: e.BUILDKITE_API_TOKEN,
    org: e.BUILDKITE_ORG,
    // Demo mode watches the simulator's own stack and queue whatever the environment says.
    stackKey: demo ? "stack-console" : e.STACK_KEY,
    queueKeys: demo ? ["_default"] : e.QUEUE_KEY,
    agentApiUrl: e.BUILDKITE_AGENT_API_URL,
    restApiUrl: e.BUILDKITE_REST_API_URL,
    pollIntervalMs: e.POLL_INTERVAL_MS,
    retryAttempts: e.BUILDKITE_RETRY_ATTEMPTS,
    demoSimulatorPort: e.DEMO_SIMULATOR_PORT,
    userAgentPrefix: e.BUILDKITE_USER_AGENT_PREFIX,
    logLevel: e.LOG_LEVEL,
    logHttpPayloads: e.LOG_HTTP_PAYLOADS,
    mutationsPerMinute: e.MUTATIONS_PER_MINUTE,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DATA_DIR,
    auth: parseAuth(e, demo, (variable, detail) => new ConfigError(variable, detail)),
  };
}

let loaded: Config | undefined;

export function config(): Config {
  loaded ??= parseConfig(process.env);
  return loaded;
}
