import { z } from "zod";

import { restDate } from "./rest-schemas";

// The REST agents list (`GET /v2/organizations/{org}/agents`, scope read_agents), as Buildkite documents it.

/** The job an agent is running, as far as the agents list describes it. */
export interface RestAgentJob {
  id: string;
  state: string | null;
  name: string | null;
  /** The build's web page, `…/builds/{n}#{job}`; null when Buildkite sent none. */
  webUrl: string | null;
  pipelineSlug: string | null;
  buildNumber: number | null;
}

export interface RestAgent {
  id: string;
  name: string;
  connectionState: string;
  hostname: string | null;
  version: string | null;
  metaData: string[];
  job: RestAgentJob | null;
  busy: boolean;
  lastJobFinishedAt: string | null;
  createdAt: string | null;
  /** Buildkite sends no cluster field; an agent of a cluster has its cluster's id in its `web_url`. */
  clusterId: string | null;
  /** The `queue=` tag; agents without one serve the `default` queue. */
  queue: string;
}

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const optionalDate = restDate.nullish().transform((value) => value ?? null);

/** `…/{org}/{pipeline}/builds/{number}#…`: where a job's build is, when its web URL says. */
const BUILD_WEB_URL = /\/([^/]+)\/builds\/(\d+)(?:#|$)/;
const CLUSTER_WEB_URL = /\/clusters\/([^/]+)\//;

function buildOf(webUrl: string | null): { pipelineSlug: string | null; buildNumber: number | null } {
  const match = webUrl === null ? null : BUILD_WEB_URL.exec(webUrl);
  return match
    ? { pipelineSlug: match[1] ?? null, buildNumber: Number(match[2]) }
    : { pipelineSlug: null, buildNumber: null };
}

/** The value of the first `key=value` tag named `key`, or null. */
export function tagValue(metaData: readonly string[], key: string): string | null {
  const tag = metaData.find((entry) => entry.startsWith(`${key}=`));
  return tag === undefined ? null : tag.slice(key.length + 1);
}

const agentJobSchema = z
  .object({ id: z.string(), state: optionalString, name: optionalString, web_url: optionalString })
  .transform((wire): RestAgentJob => ({
    id: wire.id,
    state: wire.state,
    name: wire.name,
    webUrl: wire.web_url,
    ...buildOf(wire.web_url),
  }));

export const restAgentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    connection_state: z.string(),
    hostname: optionalString,
    version: optionalString,
    web_url: optionalString,
    meta_data: z.array(z.string()).nullish(),
    job: agentJobSchema.nullish(),
    last_job_finished_at: optionalDate,
    created_at: optionalDate,
  })
  .transform((wire): RestAgent => {
    const metaData = wire.meta_data ?? [];
    const job = wire.job ?? null;
    const cluster = wire.web_url === null ? null : CLUSTER_WEB_URL.exec(wire.web_url);
    const queueTag = tagValue(metaData, "queue");
    return {
      id: wire.id,
      name: wire.name,
      connectionState: wire.connection_state,
      hostname: wire.hostname,
      version: wire.version,
      metaData,
      job,
      busy: job !== null,
      lastJobFinishedAt: wire.last_job_finished_at,
      createdAt: wire.created_at,
      clusterId: cluster?.[1] ?? null,
      queue: queueTag === null || queueTag === "" ? "default" : queueTag,
    };
  });

export const restAgentListSchema = z.array(restAgentSchema);

/** The agents list's filters, in Buildkite's own names. */
export interface RestAgentQuery {
  name?: string;
  hostname?: string;
  version?: string;
}
