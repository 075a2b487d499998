import { createRestClient, type RestClient } from "@/server/buildkite/rest";
import { createStacksClient, type StacksClient } from "@/server/buildkite/stacks";
import { authFilePath, readAuthFile, type AuthFile } from "./auth-file";
import type { RunContext } from "./command";
import type { CliEnv } from "./env";
import { CliError } from "./errors";
import { createLogger } from "./logger";

const USER_AGENT_PREFIX = "bkci";

export interface Credentials {
  /** Where the REST token came from: the environment overrides the auth file. */
  token: string | null;
  org: string | null;
}

/** The token and org: BUILDKITE_API_TOKEN and BUILDKITE_ORG first, then what auth.setup stored. */
export async function readCredentials(env: CliEnv): Promise<Credentials> {
  let file: AuthFile | null = null;
  // The file is read only when the environment leaves something to find, so a CI job needs no file at all;
  // with the token in the environment, a broken file only means no stored org.
  if (env.apiToken === undefined || env.org === undefined) {
    const reading = readAuthFile(authFilePath(env));
    file = env.apiToken === undefined ? await reading : await reading.catch(() => null);
  }
  return { token: env.apiToken ?? file?.token ?? null, org: env.org ?? file?.org ?? null };
}

export function createRunContext(options: {
  env: CliEnv;
  raw: boolean;
  verbose: boolean;
  credentials: () => Promise<Credentials>;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
}): RunContext {
  const { env } = options;
  const logger = createLogger(options.verbose);
  const retry = { maxAttempts: env.maxAttempts };
  let rest: RestClient | undefined;
  let stacks: StacksClient | undefined;
  return {
    env,
    raw: options.raw,
    verbose: options.verbose,
    restBase: env.restApiUrl,
    stdin: options.stdin,
    stderr: options.stderr,
    async rest() {
      if (rest) return rest;
      const { token } = await options.credentials();
      if (token === null)
        throw new CliError(
          "auth_error",
          "No Buildkite API token: run `bkci auth.setup`, or set BUILDKITE_API_TOKEN.",
          "no_token",
        );
      rest = createRestClient({
        baseUrl: env.restApiUrl,
        token,
        logger,
        retry,
        userAgentPrefix: USER_AGENT_PREFIX,
      });
      return rest;
    },
    stacks() {
      if (stacks) return stacks;
      if (env.clusterToken === undefined)
        throw new CliError(
          "auth_error",
          "No cluster token: set BUILDKITE_CLUSTER_TOKEN (and BUILDKITE_AGENT_API_URL for another endpoint).",
          "no_cluster_token",
        );
      stacks = createStacksClient({
        baseUrl: env.agentApiUrl,
        token: env.clusterToken,
        logger,
        retry,
        userAgentPrefix: USER_AGENT_PREFIX,
      });
      return stacks;
    },
  };
}
