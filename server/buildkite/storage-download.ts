import "server-only";

import { Agent, type Dispatcher } from "undici";

import { BuildkiteError } from "./errors";
import type { ResponseBody } from "./http";
import { buildUserAgent } from "./user-agent";

/** An artifact's bytes as they stream from storage. */
export interface StorageDownload {
  body: ResponseBody;
  contentLength: number | null;
  contentType: string | null;
}

const STORAGE_TIMEOUT_MS = 30_000;
let storageAgent: Agent | undefined;

/**
 * Fetches a signed storage URL (the target of an artifact download's 302). The request carries no
 * Authorization header: the URL's signature is the credential, and the Buildkite token must never reach
 * a third party. Plain http is accepted only when the API itself is plain http (a local simulator).
 */
export async function openStorageDownload(
  url: URL,
  context: { apiBase: URL; userAgentPrefix?: string; signal?: AbortSignal; dispatcher?: Dispatcher },
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
  const allowed = url.protocol === "https:" || (url.protocol === "http:" && context.apiBase.protocol === "http:");
  if (!allowed) throw fail(`Buildkite sent an artifact download to a ${url.protocol} URL; not following it`);

  storageAgent ??= new Agent({ keepAliveTimeout: 10_000 });
  // Only the answer is timed: the body of a large artifact may take much longer to arrive.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), STORAGE_TIMEOUT_MS);
  const timeout = controller.signal;
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  let response: Dispatcher.ResponseData;
  try {
    response = await (context.dispatcher ?? storageAgent).request({
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
