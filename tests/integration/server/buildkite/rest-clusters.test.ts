import { beforeEach, describe, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { createRestClient, type RestClientOptions } from "@/server/buildkite/rest";
import { startSimulator } from "@/server/simulator";
import { quietSimulator, simControl, simulatorRestClient } from "./quiet-simulator";

// The REST client against the simulator over real HTTP: Bearer auth, scopes, Link pagination and the
// cluster queue that says who paused dispatch.

const world = quietSimulator();
const sleeps: number[] = [];

const QUEUES_ROUTE = "GET /v2/organizations/:org/clusters/:cluster/queues";

beforeEach(async () => {
  await control("reset", {});
  sleeps.length = 0;
});

const control = <T = unknown>(path: string, body?: unknown) => simControl<T>(world, path, body);

const calls = async (route: string) =>
  (await control<{ requests: Record<string, number> }>("stats")).requests[route] ?? 0;

const client = (overrides: Partial<RestClientOptions> = {}) => simulatorRestClient(world, sleeps, overrides);

/** The id the Stacks API reports for the default queue: the REST half must use the very same one. */
async function stacksQueueId(): Promise<string> {
  const response = await fetch(
    `${world.sim.agentApiUrl}/stacks/${world.sim.stackKey}/scheduled-jobs?queue_key=_default&limit=1`,
    {
      headers: { Authorization: `Token ${world.sim.clusterToken}` },
    },
  );
  const body = (await response.json()) as { cluster_queue: { id: string } };
  return body.cluster_queue.id;
}

describe("REST cluster queues", () => {
  it("lists the organisation's cluster, whose default queue is the Stacks API's queue", async () => {
    const { data } = await client().listClusters(world.sim.org);
    expect(data).toHaveLength(1);
    expect(data[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(data[0]?.defaultQueueId).toBe(await stacksQueueId());
  });

  it("follows the Link header through every page of queues", async () => {
    const rest = client({ perPage: 2 });
    const [cluster] = (await rest.listClusters(world.sim.org)).data;
    const before = await calls(QUEUES_ROUTE);
    const { data } = await rest.listClusterQueues(world.sim.org, cluster?.id ?? "");
    expect(data.map((queue) => queue.key).sort()).toEqual(["_default", "linux-large", "macos"]);
    expect(await calls(QUEUES_ROUTE)).toBe(before + 2);
  });

  it("reads who paused a queue, when and why", async () => {
    const paused = await control<{ at: string }>("queue", { paused: true, note: "db migration", by: "Ada" });
    const rest = client();
    const [cluster] = (await rest.listClusters(world.sim.org)).data;
    const { data } = await rest.getClusterQueue(world.sim.org, cluster?.id ?? "", await stacksQueueId());
    expect(data).toMatchObject({
      key: "_default",
      dispatchPaused: true,
      dispatchPausedBy: { name: "Ada", email: "ada@acme.example" },
      dispatchPausedAt: paused.at,
      dispatchPausedNote: "db migration",
    });
  });

  it("a token the API does not know is a 401, not retried", async () => {
    const error = await client({ token: "bkua_not-a-real-token" })
      .listClusters(world.sim.org)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildkiteError);
    expect(error).toMatchObject({ kind: "http", status: 401, attempts: 1 });
    expect(JSON.stringify(error)).not.toContain("bkua_not-a-real-token");
  });

  it("a token without the scope is a 403 naming it", async () => {
    const [cluster] = (await client().listClusters(world.sim.org)).data;
    const url = `${world.sim.restApiUrl}/organizations/${world.sim.org}/clusters/${cluster?.id ?? ""}/queues/${await stacksQueueId()}/pause_dispatch`;
    const response = await fetch(url, {
      method: "POST",
      headers: { Authorization: `Bearer ${world.sim.apiReadOnlyToken}` },
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "Your access token doesn't have the write_clusters scope" });

    await control("faults", { path: "/v2/organizations/*/clusters", status: 403, count: 1 });
    await expect(client().listClusters(world.sim.org)).rejects.toMatchObject({ status: 403, attempts: 1 });
  });

  it("a 5xx is retried and then succeeds", async () => {
    await control("faults", { path: "/v2/organizations/*/clusters", status: 503, count: 1 });
    const { data, attempts } = await client().listClusters(world.sim.org);
    expect(data).toHaveLength(1);
    expect(attempts).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it("an unknown organisation or queue is a 404", async () => {
    await expect(client().listClusters("nobody")).rejects.toMatchObject({ status: 404 });
    const [cluster] = (await client().listClusters(world.sim.org)).data;
    await expect(
      client().getClusterQueue(world.sim.org, cluster?.id ?? "", "00000000-0000-4000-8000-000000000000"),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("REST pause and resume dispatch", () => {
  it("pauses as the token's user and the Stacks API sees the same queue paused, then resumes", async () => {
    const [cluster] = (await client().listClusters(world.sim.org)).data;
    const queueUrl = `${world.sim.restApiUrl}/organizations/${world.sim.org}/clusters/${cluster?.id ?? ""}/queues/${await stacksQueueId()}`;
    const post = (action: string, body?: unknown) =>
      fetch(`${queueUrl}/${action}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${world.sim.apiToken}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const paused = await post("pause_dispatch", { dispatch_paused_note: "incident 42" });
    expect(paused.status).toBe(200);
    expect(await paused.json()).toMatchObject({
      dispatch_paused: true,
      dispatch_paused_note: "incident 42",
      dispatch_paused_by: { name: "Demo Operator", email: "demo-operator@acme.example" },
    });
    const listed = await fetch(
      `${world.sim.agentApiUrl}/stacks/${world.sim.stackKey}/scheduled-jobs?queue_key=_default&limit=1`,
      {
        headers: { Authorization: `Token ${world.sim.clusterToken}` },
      },
    );
    expect(
      ((await listed.json()) as { cluster_queue: { dispatch_paused: boolean } }).cluster_queue.dispatch_paused,
    ).toBe(true);
    expect((await post("pause_dispatch")).status).toBe(422);

    const resumed = await post("resume_dispatch");
    expect(await resumed.json()).toMatchObject({
      dispatch_paused: false,
      dispatch_paused_by: null,
      dispatch_paused_note: null,
      dispatch_paused_at: null,
    });
  });
});

describe("REST rate limits", () => {
  it("reports the tighter budget and waits for its reset when the user's 50 a minute run out", async () => {
    const limited = await startSimulator({ seed: 42, activity: false, rateLimits: true });
    try {
      const rest = createRestClient({
        baseUrl: limited.restApiUrl,
        token: limited.apiReadOnlyToken,
        dispatcher: world.dispatcher,
        retry: { sleep: async (ms) => void sleeps.push(ms), maxAttempts: 2 },
      });
      const first = await rest.listClusters(limited.org);
      expect(first.rateLimit).toMatchObject({ scope: "rest_user", limit: 50, remaining: 49 });
      for (let i = 0; i < 49; i++) await rest.listClusters(limited.org);
      const error = await rest.listClusters(limited.org).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ status: 429, attempts: 2, rateLimit: { scope: "rest_user" } });
      expect(sleeps).toHaveLength(1);
      expect(sleeps[0]).toBeGreaterThanOrEqual(1_000);
      expect(sleeps[0]).toBeLessThanOrEqual(30_000);
    } finally {
      await limited.close();
    }
  });
});
