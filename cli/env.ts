import { z } from "zod";
import { validationError } from "./errors";

// Everything bkci reads from the environment, parsed once; an empty variable counts as unset.

const unsetWhenEmpty = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema);

const envSchema = z.object({
  BUILDKITE_API_TOKEN: unsetWhenEmpty(z.string().trim().optional()),
  BUILDKITE_ORG: unsetWhenEmpty(z.string().trim().optional()),
  BUILDKITE_REST_API_URL: unsetWhenEmpty(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://api.buildkite.com/v2"),
  ),
  BUILDKITE_CLUSTER_TOKEN: unsetWhenEmpty(z.string().trim().optional()),
  BUILDKITE_AGENT_API_URL: unsetWhenEmpty(
    z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).default("https://agent.buildkite.com/v3"),
  ),
  XDG_CONFIG_HOME: unsetWhenEmpty(z.string().optional()),
  HOME: unsetWhenEmpty(z.string().optional()),
  // Scripts that prefer failing fast to waiting out Buildkite's backoff can lower it.
  BKCI_MAX_ATTEMPTS: unsetWhenEmpty(
    z
      .string()
      .regex(/^\d{1,2}$/, "must be a whole number from 1 to 10")
      .transform(Number)
      .pipe(z.number().min(1, "must be 1 or more").max(10, "must be at most 10"))
      .default(5),
  ),
});

export interface CliEnv {
  apiToken: string | undefined;
  org: string | undefined;
  restApiUrl: string;
  clusterToken: string | undefined;
  agentApiUrl: string;
  configHome: string | undefined;
  home: string | undefined;
  maxAttempts: number;
}

export function readEnv(source: NodeJS.ProcessEnv): CliEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success)
    throw validationError(
      parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? "environment"), message: issue.message })),
    );
  const env = parsed.data;
  return {
    apiToken: env.BUILDKITE_API_TOKEN,
    org: env.BUILDKITE_ORG,
    restApiUrl: env.BUILDKITE_REST_API_URL,
    clusterToken: env.BUILDKITE_CLUSTER_TOKEN,
    agentApiUrl: env.BUILDKITE_AGENT_API_URL,
    configHome: env.XDG_CONFIG_HOME,
    home: env.HOME,
    maxAttempts: env.BKCI_MAX_ATTEMPTS,
  };
}
