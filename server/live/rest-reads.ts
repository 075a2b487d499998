import "server-only";
import { z } from "zod";
import type { SharedState } from "./shared-state";
import { consoleMetrics } from "../metrics/registry";

/** What triage keeps of a build: whether it has ended is all it asks. */
export interface BuildStateRead {
  id: string;
  state: string;
}

const buildStateSchema = z.object({ id: z.string(), state: z.string() }) satisfies z.ZodType<BuildStateRead>;

/**
 * How long triage keeps a build's state. Triage asks after up to 20 builds per queue; read again at the builds
 * pages' few seconds, that alone would be hundreds of calls a minute against a budget of 50. A build ends only
 * once, a build webhook drops the read at once (invalidateBuild), and without webhooks a finding about jobs
 * that linger until someone finishes them is still useful minutes late: 20 builds in 5 minutes is 4 a minute.
 */
export const BUILD_STATE_TTL_MS = 5 * 60_000;

/**
 * Shared REST reads for the builds pages: every viewer of a build (or of the same list) within `ttlMs`
 * is served by one upstream call, because the REST budget is 50 requests a minute per user and the
 * console's token is one user however many operators watch. Writes invalidate what they change.
 */
export function createRestReads({ ttlMs, state }: { ttlMs: number; state: SharedState }) {
  const buildKey = (org: string, pipeline: string, build: number) =>
    `build\u0000${org}\u0000${pipeline}\u0000${build}\u0000`;
  // The agents list is its own scope: agent webhooks drop it, and builds' writes leave it alone.
  const agentsKey = (org: string) => `agents\u0000${org}\u0000`;
  // What a write invalidates: one build's reads (its key's first four parts), an org's agents, or every list.
  const scopeOf = (key: string) => {
    if (key.startsWith("build\u0000")) return key.split("\u0000").slice(0, 4).join("\u0000") + "\u0000";
    return key.startsWith("agents\u0000") ? key : "list\u0000";
  };
  // The callers' values are the REST client's parsed results, of many types; what comes back from another
  // instance is checked to be the plain JSON they were stored as (the clients produce no Dates or Maps) and
  // typed by the caller's key, as within one instance.
  const shared = state.sharedRead<unknown>({ name: "rest", ttlMs, maxEntries: 256, schema: z.json(), scopeOf });
  const buildStates = state.sharedRead<BuildStateRead>({
    name: "rest-build-state",
    ttlMs: BUILD_STATE_TTL_MS,
    maxEntries: 256,
    schema: buildStateSchema,
    scopeOf,
  });

  return {
    /** Reads through the cache; `key` must name everything the answer depends on. Callers' signals are not
     *  passed upstream: one viewer leaving must not cancel a read others are waiting for. */
    async read<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
      const read = await shared.read(key, fetcher);
      consoleMetrics().sharedReads.record("rest", read.shared);
      return read.value as T;
    },
    /** A build's id and state for triage, shared like the rest but kept BUILD_STATE_TTL_MS. */
    async readBuildState(
      org: string,
      pipeline: string,
      build: number,
      fetcher: () => Promise<BuildStateRead>,
    ): Promise<BuildStateRead> {
      const read = await buildStates.read(`${buildKey(org, pipeline, build)}state`, fetcher);
      consoleMetrics().sharedReads.record("rest", read.shared);
      return read.value;
    },
    buildKey,
    listKey: (parts: unknown) => `list\u0000${JSON.stringify(parts)}`,
    agentsKey,
    /** After an agent webhook: the agents list is read again when next asked for, on every instance. */
    async invalidateAgents(org: string): Promise<void> {
      await shared.invalidate(agentsKey(org));
    },
    /** After a write to a build: its own reads, its state, and every list (the build's state may have changed). */
    async invalidateBuild(org: string, pipeline: string, build: number): Promise<void> {
      await Promise.all([
        shared.invalidate(buildKey(org, pipeline, build)),
        buildStates.invalidate(buildKey(org, pipeline, build)),
        shared.invalidate("list\u0000"),
      ]);
    },
  };
}

export type RestReads = ReturnType<typeof createRestReads>;
