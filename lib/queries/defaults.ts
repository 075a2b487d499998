/** How long a read counts as fresh: server-prefetched data is fresh on arrival; polling takes it from there. */
export const DEFAULT_STALE_MS = 1000;
