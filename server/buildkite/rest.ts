import "server-only";
import { httpCoreOptions, type BuildkiteClientOptions } from "./client-options";

import type { z } from "zod";

import { BuildkiteError } from "./errors";
import { createHttpCore, type ApiResult, type HttpRequest, type RequestOptions } from "./http";
import { pageNumber, parseLinkHeader } from "./link-header";
import { escapedPath } from "./path";
import { parseRestRateLimit } from "./rate-limit";
import { clusterListSchema, clusterQueueListSchema, clusterQueueSchema, type Cluster, type ClusterQueue } from "./rest-schemas";

export type { Cluster, ClusterQueue, RestUser } from "./rest-schemas";

export interface RestClientOptions extends BuildkiteClientOptions {
  /** Page size for lists; default (and Buildkite's maximum) 100. */
  perPage?: number;
}

/** One page of a REST list, with where the `Link` header says the neighbouring pages are. */
export interface Page<T> extends ApiResult<T[]> {
  links: Record<string, string>;
  nextPage: number | null;
}

export interface RestClient {
  listClusters(org: string, opts?: RequestOptions): Promise<ApiResult<Cluster[]>>;
  /** Every queue of the cluster, following the `Link` header page by page. */
  listClusterQueues(org: string, clusterId: string, opts?: RequestOptions): Promise<ApiResult<ClusterQueue[]>>;
  getClusterQueue(org: string, clusterId: string, queueId: string, opts?: RequestOptions): Promise<ApiResult<ClusterQueue>>;
}

/** The largest page Buildkite serves; fewer pages means less of the per-user budget of 50 a minute. */
export const MAX_PER_PAGE = 100;
/** A runaway `next` chain (a server bug) must end; no list the console reads is near this deep. */
export const MAX_PAGES = 50;

export function createRestClient(options: RestClientOptions): RestClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/+$/, "");
  const http = createHttpCore({ ...httpCoreOptions(options, "Bearer"), rateLimit: parseRestRateLimit });

  /**
   * The request for a `next` link. The token goes only to the configured API: a link pointing anywhere
   * else is refused rather than followed with the Authorization header attached.
   */
  function requestFor(link: string, method: HttpRequest["method"]): Omit<HttpRequest, "expect"> {
    const url = new URL(link, base);
    if (url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/`)) {
      throw new BuildkiteError({
        kind: "parse",
        retryable: false,
        message: `Buildkite's pagination link leaves the API (${url.origin}${url.pathname}); not following it`,
        method,
        path: url.pathname,
        attempts: 0,
      });
    }
    return { method, path: url.pathname.slice(basePath.length), query: Object.fromEntries(url.searchParams) };
  }

  async function page<T>(request: Omit<HttpRequest, "expect">, schema: z.ZodType<T[]>, opts?: RequestOptions): Promise<Page<T>> {
    const result = await http.sendJson(request, schema, opts);
    const links = parseLinkHeader(result.headers.link);
    return { ...result, links, nextPage: pageNumber(links.next) };
  }

  async function all<T>(first: Omit<HttpRequest, "expect">, schema: z.ZodType<T[]>, opts?: RequestOptions): Promise<ApiResult<T[]>> {
    let current = await page({ ...first, query: { per_page: options.perPage ?? MAX_PER_PAGE, ...first.query } }, schema, opts);
    const items: T[] = [...current.data];
    const raw: unknown[] = Array.isArray(current.raw) ? [...(current.raw as unknown[])] : [];
    for (let count = 1; current.links.next !== undefined && count < MAX_PAGES; count++) {
      current = await page(requestFor(current.links.next, "GET"), schema, opts);
      items.push(...current.data);
      if (Array.isArray(current.raw)) raw.push(...(current.raw as unknown[]));
    }
    return { ...current, data: items, raw };
  }

  return {
    listClusters: (org, opts) => all({ method: "GET", path: escapedPath`/organizations/${org}/clusters` }, clusterListSchema, opts),

    listClusterQueues: (org, clusterId, opts) =>
      all({ method: "GET", path: escapedPath`/organizations/${org}/clusters/${clusterId}/queues` }, clusterQueueListSchema, opts),

    getClusterQueue: (org, clusterId, queueId, opts) =>
      http.sendJson(
        { method: "GET", path: escapedPath`/organizations/${org}/clusters/${clusterId}/queues/${queueId}` },
        clusterQueueSchema,
        opts,
      ),
  };
}
