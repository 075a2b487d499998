import "server-only";

/**
 * A part of the console that readiness reports on beyond the store and Buildkite, under its own name. It
 * answers "ok" or a short lower-case word for what is wrong ("unreachable"); anything else, a throw
 * included, is reported as "unreachable", so no error text (which may hold an address) gets out.
 */
export type ReadinessCheck = () => Promise<string>;

/** Reported as "not configured" until something registers under it: the shared-state adapter does for Redis. */
export const OPTIONAL_PARTS = ["redis"] as const;

// On globalThis so that a check registered by one of Next's separately bundled modules is seen by all.
const holder = globalThis as typeof globalThis & { __stackConsoleReadinessChecks?: Map<string, ReadinessCheck> };

function registry(): Map<string, ReadinessCheck> {
  holder.__stackConsoleReadinessChecks ??= new Map();
  return holder.__stackConsoleReadinessChecks;
}

/**
 * The extension point for parts that are only there when configured. Register when the part is set up
 * (for Redis: where the client for REDIS_URL is created, before the first request), not on first use, or
 * readiness reports it "not configured" until then. Registering a name again replaces its check.
 */
export function registerReadinessCheck(name: string, check: ReadinessCheck): void {
  registry().set(name, check);
}

export function readinessChecks(): ReadonlyMap<string, ReadinessCheck> {
  return registry();
}
