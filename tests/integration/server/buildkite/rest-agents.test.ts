import { beforeEach, describe, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { quietSimulator, simControl, simulatorRestClient } from "./quiet-simulator";

// listAgents against the simulator over real HTTP: every Link page followed, filters sent in Buildkite's
// names, and the read_agents scope.

const world = quietSimulator();
const sleeps: number[] = [];
const AGENTS_ROUTE = "GET /v2/organizations/:org/agents";

const control = <T = unknown>(path: string, body?: unknown) => simControl<T>(world, path, body);

const calls = async () => (await control<{ requests: Record<string, number> }>("stats")).requests[AGENTS_ROUTE] ?? 0;

beforeEach(async () => {
  await control("reset", {});
});

describe("REST agents", () => {
  it("follows every page and reads each agent's queue, state, tags and job", async () => {
    const whole = (await simulatorRestClient(world, sleeps).listAgents(world.sim.org)).data;
    const before = await calls();
    const paged = (await simulatorRestClient(world, sleeps, { perPage: 2 }).listAgents(world.sim.org)).data;
    expect(await calls()).toBe(before + Math.ceil(whole.length / 2));
    expect(paged.map((agent) => agent.id)).toEqual(whole.map((agent) => agent.id));
    expect(new Set(whole.map((agent) => agent.queue))).toEqual(new Set(["_default", "linux-large", "macos"]));
    expect(whole.filter((agent) => agent.connectionState === "lost")).toHaveLength(1);
    const busy = whole.find((agent) => agent.busy);
    expect(busy?.job).toMatchObject({ id: expect.any(String), pipelineSlug: expect.any(String) });
    expect(whole.every((agent) => agent.clusterId !== null && agent.metaData.includes(`queue=${agent.queue}`))).toBe(
      true,
    );
  });

  it("sends the name filter", async () => {
    const { data } = await simulatorRestClient(world, sleeps).listAgents(world.sim.org, { name: "mac-mini-04" });
    expect(data.map((agent) => agent.name)).toEqual(["mac-mini-04"]);
  });

  it("is refused with 403 without read_agents", async () => {
    const readOnly = simulatorRestClient(world, sleeps, { token: world.sim.apiReadOnlyToken });
    const error = await readOnly.listAgents(world.sim.org).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BuildkiteError);
    expect((error as BuildkiteError).status).toBe(403);
  });
});
