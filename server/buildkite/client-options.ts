import type { Logger } from "pino";
import type { Dispatcher } from "undici";
import type { AuthScheme, HttpCoreOptions, HttpMethod, HttpObserver } from "./http";
import type { RetryPolicy } from "./retry";
import { buildUserAgent } from "./user-agent";

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
  /**
   * Called before each request (not each retry) is sent; throwing refuses it. The console spends the
   * acting viewer's share of the REST budget here.
   */
  beforeSend?: (method: HttpMethod) => void | Promise<void>;
  /** Told of every attempt and retry (the console counts them for /api/metrics). */
  observer?: HttpObserver;
}

/** The HTTP core's settings for a client whose API takes its token under `scheme`. */
export function httpCoreOptions(options: BuildkiteClientOptions, scheme: AuthScheme): HttpCoreOptions {
  return {
    baseUrl: options.baseUrl,
    auth: { scheme, token: options.token },
    userAgent: buildUserAgent(options.userAgentPrefix),
    logger: options.logger,
    logPayloads: options.logPayloads,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    dispatcher: options.dispatcher,
    beforeSend: options.beforeSend,
    observer: options.observer,
  };
}
