import { Agent, type Dispatcher } from "undici";

import { BuildkiteError } from "./errors";
import type { ResponseBody } from "./http";
import { lookupPublicOnly } from "./public-address";
import { storageUrlProblem } from "./storage-url";
import { buildUserAgent } from "./user-agent";

/** An artifact's bytes as they stream from storage. */
export interface StorageDownload {
  body: ResponseBody;
  contentLength: number | null;
  contentType: string | null;
}

const STORAGE_TIMEOUT_MS = 30_000;
let apiStorageAgent: Agent | undefined;
let publicStorageAgent: Agent | undefined;

/**
 * Fetches a signed storage URL (the target of an artifact download's 302). The request carries no
 * Authorization header: the URL's signature is the credential, and the Buildkite token must never reach
 * a third party. Which URLs may be fetched is storage-url.ts's rule; a redirect from storage is not followed.
 */
export async function openStorageDownload(
  url: URL,
  context: {
    apiBase: URL;
    consoleHost: string | null;
    userAgentPrefix?: string;
    signal?: AbortSignal;
    dispatcher?: Dispatcher;
  },
): Promise<StorageDownload> {
  const fail = (message: string, status: number | null = null) =>
    new BuildkiteError({
      kind: status === null ? "parse" : "http",
      retryable: false,
      message,
      method: "GET",
      path: url.pathname,
      attempts: 1,
      status,
    });
  const problem = storageUrlProblem(url, context);
  if (problem) throw fail(`Buildkite sent an artifact download to ${problem}; not following it`);

  const onApiOrigin = url.origin === context.apiBase.origin;
  apiStorageAgent ??= new Agent({ keepAliveTimeout: 10_000 });
  publicStorageAgent ??= new Agent({ keepAliveTimeout: 10_000, connect: { lookup: lookupPublicOnly } });
  const dispatcher = onApiOrigin ? (context.dispatcher ?? apiStorageAgent) : publicStorageAgent;
  // Only the answer is timed: the body of a large artifact may take much longer to arrive.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), STORAGE_TIMEOUT_MS);
  const timeout = controller.signal;
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  let response: Dispatcher.ResponseData;
  try {
    response = await dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: "GET",
      headers: { "user-agent": buildUserAgent(context.userAgentPrefix) },
      signal,
    });
  } catch (cause) {
    throw new BuildkiteError({
      kind: timeout.aborted ? "timeout" : "network",
      retryable: true,
      message: "Could not reach the artifact's storage",
      method: "GET",
      path: url.pathname,
      attempts: 1,
      cause,
    });
  } finally {
    clearTimeout(timer);
  }
  if (response.statusCode < 200 || response.statusCode >= 300) {
    await response.body.dump();
    throw fail(`The artifact's storage answered ${response.statusCode}`, response.statusCode);
  }
  const header = (name: string) => {
    const value = response.headers[name];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const length = header("content-length");
  return {
    body: response.body,
    contentLength: length !== null && /^\d+$/.test(length) ? Number(length) : null,
    contentType: header("content-type"),
  };
}
