import "server-only";
import { createSharedRead } from "./shared-read";
import { consoleMetrics } from "../metrics/registry";

/**
 * Shared REST reads for the builds pages: every viewer of a build (or of the same list) within `ttlMs`
 * is served by one upstream call, because the REST budget is 50 requests a minute per user and the
 * console's token is one user however many operators watch. Writes invalidate what they change.
 */
export function createRestReads({ ttlMs }: { ttlMs: number }) {
  const shared = createSharedRead<unknown>({ ttlMs, maxEntries: 256 });
  const buildKey = (org: string, pipeline: string, build: number) =>
    `build\u0000${org}\u0000${pipeline}\u0000${build}\u0000`;

  return {
    /** Reads through the cache; `key` must name everything the answer depends on. Callers' signals are not
     *  passed upstream: one viewer leaving must not cancel a read others are waiting for. */
    async read<T>(key: string, fetcher: () => Promise<T>): Promise<T> {
      const read = await shared.read(key, fetcher);
      consoleMetrics().sharedReads.record("rest", read.shared);
      return read.value as T;
    },
    buildKey,
    listKey: (parts: unknown) => `list\u0000${JSON.stringify(parts)}`,
    /** After a write to a build: its own reads and every list (the build's state may have changed). */
    invalidateBuild(org: string, pipeline: string, build: number) {
      shared.invalidate(buildKey(org, pipeline, build));
      shared.invalidate("list\u0000");
    },
  };
}

export type RestReads = ReturnType<typeof createRestReads>;
