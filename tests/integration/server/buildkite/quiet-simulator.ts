import { Agent } from "undici";
import { afterAll, beforeAll, expect } from "vitest";
import { createRestClient, type RestClientOptions } from "@/server/buildkite/rest";
import { startSimulator, type RunningSimulator } from "@/server/simulator";

/**
 * A seeded simulator with no background activity or rate limits, and a connection pool for the clients
 * under test, started once for the calling test file and closed after it.
 */
export function quietSimulator(): { readonly sim: RunningSimulator; readonly dispatcher: Agent } {
  const world = {} as { sim: RunningSimulator; dispatcher: Agent };
  beforeAll(async () => {
    world.sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
    world.dispatcher = new Agent();
  });
  afterAll(async () => {
    await world.dispatcher.close();
    await world.sim.close();
  });
  return world;
}

/** A REST client with the simulator's every-scope token; its retry waits are recorded in `sleeps`, not slept. */
export function simulatorRestClient(
  world: ReturnType<typeof quietSimulator>,
  sleeps: number[],
  overrides: Partial<RestClientOptions> = {},
) {
  return createRestClient({
    baseUrl: world.sim.restApiUrl,
    token: world.sim.apiToken,
    dispatcher: world.dispatcher,
    retry: { sleep: async (ms) => void sleeps.push(ms), maxAttempts: 3 },
    ...overrides,
  });
}

/** A `/__sim` control call: GET without a body, POST with one; it must succeed. */
export async function simControl<T = unknown>(
  world: ReturnType<typeof quietSimulator>,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${world.sim.origin}/__sim/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok).toBe(true);
  return (await response.json()) as T;
}
