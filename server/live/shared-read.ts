import "server-only";

export interface SharedValue<T> {
  value: T;
  fetchedAt: number;
  /** True when this caller was served a value fetched for someone else (in flight or within the TTL). */
  shared: boolean;
}

interface Entry<T> {
  promise: Promise<{ value: T; fetchedAt: number }>;
  settledAt: number | null;
}

/**
 * Collapses identical upstream reads: callers asking for the same key while a fetch is in flight share
 * it, and a settled value is reused for `ttlMs`. Failures are shared with the callers already waiting but
 * never cached, so the next poll tries again. This is what keeps N viewers at one upstream call per
 * interval, which matters because Buildkite's per-stack budget is shared with the production stack.
 */
export function createSharedRead<T>(options: { ttlMs: number; maxEntries?: number; now?: () => number }) {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 256;
  const entries = new Map<string, Entry<T>>();

  function evictOldest() {
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) return;
      entries.delete(oldest);
    }
  }

  async function read(key: string, fetcher: () => Promise<T>): Promise<SharedValue<T>> {
    const existing = entries.get(key);
    if (existing && (existing.settledAt === null || now() - existing.settledAt < options.ttlMs)) {
      const settled = await existing.promise;
      return { ...settled, shared: true };
    }
    const entry: Entry<T> = {
      settledAt: null,
      promise: fetcher().then(
        (value) => {
          entry.settledAt = now();
          return { value, fetchedAt: entry.settledAt };
        },
        (error: unknown) => {
          if (entries.get(key) === entry) entries.delete(key);
          throw error;
        },
      ),
    };
    entries.delete(key);
    entries.set(key, entry);
    evictOldest();
    const settled = await entry.promise;
    return { ...settled, shared: false };
  }

  /**
   * Forgets values whose key starts with the prefix, so a read after a write sees the write. A fetch
   * already in flight may predate the write: its waiters still get it, but no new caller joins it.
   */
  function invalidate(prefix: string) {
    for (const key of entries.keys()) {
      if (key.startsWith(prefix)) entries.delete(key);
    }
  }

  return { read, invalidate };
}
