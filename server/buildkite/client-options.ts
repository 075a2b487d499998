import "server-only";
import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import type { RetryPolicy } from "./retry";

/** What every Buildkite API client is built from. */
export interface BuildkiteClientOptions {
  /** The API's base, e.g. https://agent.buildkite.com/v3, with or without a trailing slash. */
  baseUrl: string;
  token: string;
  userAgentPrefix?: string;
  logger?: Logger;
  /** Also log bodies, with tokens and every job env value redacted. */
  logPayloads?: boolean;
  retry?: Partial<RetryPolicy>;
  /** Per attempt. */
  timeoutMs?: number;
  dispatcher?: Dispatcher;
}
