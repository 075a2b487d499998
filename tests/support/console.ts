import { afterAll, beforeAll, beforeEach } from "vitest";
import { backgroundSettled } from "@/server/runtime";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "@/server/simulator";
import { startRouteServer, type RouteServer } from "./route-server";
import { simulatorEnv } from "./simulator-env";

// A console wired to a simulator exactly as a deployment would be: through environment variables. The
// simulator is the only test double; every call below crosses real HTTP twice (test → route → simulator).

/** Who a test request comes as: a person the auth proxy vouches for, or nobody (signed out). */
export type TestIdentity = "admin" | "operator" | "viewer" | "signed-out";

// A live console must be told how people sign in; tests use an auth proxy's headers, which they can forge
// because they know the proxy's shared secret. Requests come as the admin unless a test says otherwise.
export const PROXY_SECRET = "test-proxy-secret-0123456789";
export const PROXY_SECRET_HEADER = "x-auth-proxy-secret";
export const identityEmails = {
  admin: "admin@example.test",
  operator: "operator@example.test",
  viewer: "viewer@example.test",
} as const;

export function identityHeaders(as: TestIdentity): Record<string, string> {
  if (as === "signed-out") return {};
  return {
    [PROXY_SECRET_HEADER]: PROXY_SECRET,
    "x-forwarded-email": identityEmails[as],
    "x-forwarded-user": `Test ${as}`,
  };
}

type ApiInit = { method?: string; body?: unknown; headers?: Record<string, string>; as?: TestIdentity };

export interface TestConsole {
  sim: RunningSimulator;
  routes: RouteServer;
  origin: string;
  api(path: string, init?: ApiInit): Promise<{ status: number; body: ApiBody; headers: Headers; text: string }>;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  /** The simulator's count of calls on each route, once the console's background work has settled. */
  upstreamCounts(): Promise<Record<string, number>>;
  upstreamCalls(route: string): Promise<number>;
  /** Every upstream call the simulator has answered, on any route. */
  upstreamTotal(): Promise<number>;
  close(): Promise<void>;
}

export interface ApiBody {
  ok: boolean;
  apiVersion: string;
  command: string;
  request: Record<string, unknown>;
  summary: Record<string, unknown>;
  pagination: Record<string, unknown> | null;
  // Tests read deep into data; its shape is asserted by the expectations themselves.
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  error: {
    type: string;
    message: string;
    httpStatus: number | null;
    code: string;
    retryable: boolean;
    requestId: string;
    details: Record<string, unknown>;
  } | null;
}

export async function startConsole(
  options: SimulatorOptions & { env?: Record<string, string> } = {},
): Promise<TestConsole> {
  const { env, ...simOptions } = options;
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false, ...simOptions });
  Object.assign(process.env, {
    ...simulatorEnv(sim),
    POLL_INTERVAL_MS: "1000",
    BUILDKITE_RETRY_ATTEMPTS: "2",
    LOG_LEVEL: "silent",
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: PROXY_SECRET,
    AUTH_ADMIN_EMAILS: identityEmails.admin,
    AUTH_OPERATOR_EMAILS: identityEmails.operator,
    // Tests make many changes in seconds; the limit itself is tested with a console of its own.
    MUTATIONS_PER_MINUTE: "1000000",
    REST_READS_PER_VIEWER_PER_MINUTE: "1000000",
    ...env,
  });
  const routes = await startRouteServer();

  async function api(path: string, init: ApiInit = {}) {
    const response = await fetch(routes.origin + path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json", ...identityHeaders(init.as ?? "admin"), ...init.headers },
      body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as ApiBody, headers: response.headers, text };
  }

  async function control<T>(path: string, body?: unknown, method?: string): Promise<T> {
    const response = await fetch(`${sim.origin}/__sim/${path}`, {
      method: method ?? (body === undefined ? "GET" : "POST"),
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`simulator control ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }

  // A read records the queue's minute sample after answering, and that may read agents and the cluster:
  // counted once it is done, so those calls are never put down to the next request.
  async function upstreamCounts(): Promise<Record<string, number>> {
    await backgroundSettled();
    return (await control<{ requests: Record<string, number> }>("stats")).requests;
  }

  async function upstreamCalls(route: string): Promise<number> {
    return (await upstreamCounts())[route] ?? 0;
  }

  async function upstreamTotal(): Promise<number> {
    return Object.values(await upstreamCounts()).reduce((total, count) => total + count, 0);
  }

  return {
    sim,
    routes,
    origin: routes.origin,
    api,
    control,
    upstreamCounts,
    upstreamCalls,
    upstreamTotal,
    close: async () => {
      await routes.close();
      await sim.close();
    },
  };
}

/**
 * One console for the test file, back at the simulator's seeded world before each test, with the
 * simulator's named fixtures (`/__sim/fixtures`) read afresh. Read `world.console` and `world.fixtures`
 * inside tests: they are set by the hooks.
 */
export function seededConsole<Fixtures>(options?: Parameters<typeof startConsole>[0]) {
  const world = {} as { console: TestConsole; fixtures: Fixtures };
  beforeAll(async () => {
    world.console = await startConsole(options);
  });
  beforeEach(async () => {
    await world.console.control("reset", {});
    world.fixtures = await world.console.control<Fixtures>("fixtures");
  });
  afterAll(() => world.console.close());
  return world;
}
