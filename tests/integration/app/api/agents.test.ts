import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agentsListSchema } from "@/lib/schemas/agents";
import { startConsole, type TestConsole } from "../../../support/console";

// agents.list over real HTTP: the simulator's agents grouped and filtered, one upstream read shared by
// every viewer (the poll interval is 30 s, so only a webhook can make it fresh). A token without read_agents
// is refused in rest-token-scopes.test.ts.

const TOKEN = "whk-agents-4b8e2d6f0a1c3e5d7f9b";
const AGENTS = "GET /v2/organizations/:org/agents";

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { BUILDKITE_WEBHOOK_TOKEN: TOKEN, POLL_INTERVAL_MS: "30000" } });
});
afterAll(() => c.close());

const list = async (query = "") => {
  const { status, body } = await c.api(`/api/v1/agents${query}`);
  return { status, body, data: status === 200 ? agentsListSchema.parse(body.data) : null };
};

describe("agents.list", () => {
  it("lists every agent with its queue, state and tags, and counts each queue's agents by state", async () => {
    const { status, body, data } = await list();
    expect(status).toBe(200);
    expect(body.command).toBe("agents.list");
    expect(body.request).toEqual({ org: c.sim.org, queue: null, state: null, q: null });
    expect(new Set(data?.agents.map((agent) => agent.queue))).toEqual(new Set(["_default", "linux-large", "macos"]));
    const lost = data?.agents.filter((agent) => agent.state === "lost") ?? [];
    expect(lost).toHaveLength(1);
    const busy = data?.agents.find((agent) => agent.state === "busy");
    expect(busy?.job).toMatchObject({ id: expect.any(String), build: { pipeline: expect.any(String) } });
    const defaults = data?.queues.find((queue) => queue.queue === "_default");
    expect(defaults?.total).toBe(4);
    expect(defaults?.states.lost).toBe(1);
    expect(body.summary).toEqual({ count: data?.agents.length, total: data?.agents.length });
  });

  it("filters by queue, state and text, and reads Buildkite once for all of them", async () => {
    const before = await c.upstreamCalls(AGENTS);
    const macos = await list("?queue=macos");
    expect(macos.data?.agents.map((agent) => agent.name)).toEqual(["mac-mini-04"]);
    expect(macos.data?.queues.length).toBe(3);
    const lost = await list("?state=lost");
    expect(lost.data?.agents.map((agent) => agent.state)).toEqual(["lost"]);
    const connected = await list("?state=connected");
    expect(connected.data?.agents.every((agent) => agent.state === "busy" || agent.state === "idle")).toBe(true);
    const docker = await list("?q=DOCKER%3Dtrue");
    expect(docker.data?.agents.length).toBeGreaterThan(0);
    expect(docker.data?.agents.every((agent) => agent.tags.includes("docker=true"))).toBe(true);
    expect(await c.upstreamCalls(AGENTS)).toBe(before);
  });

  it("refuses an unknown state with a validation error naming the field, before any upstream call", async () => {
    const before = await c.upstreamCalls(AGENTS);
    const { status, body } = await list("?state=sleepy");
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ type: "validation_error" });
    expect(JSON.stringify(body.error)).toContain("state");
    expect(await c.upstreamCalls(AGENTS)).toBe(before);
  });

  it("after an agent.connected webhook, the next read is fresh and shows the new agent", async () => {
    await list();
    const before = await c.upstreamCalls(AGENTS);
    const registered = await c.control<{ id: string }>("webhooks", {
      url: `${c.origin}/api/v1/webhooks/buildkite`,
      token: TOKEN,
      mode: "token",
      events: ["agent.connected"],
    });
    expect(registered.id).toEqual(expect.any(String));
    await c.control("agents", { name: "gpu-box-1", tags: ["queue=_default", "gpu=true"] });
    const deadline = Date.now() + 5_000;
    let names: string[] = [];
    while (Date.now() < deadline && !names.includes("gpu-box-1")) {
      names = (await list("?q=gpu-box")).data?.agents.map((agent) => agent.name) ?? [];
      if (!names.includes("gpu-box-1")) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(names).toEqual(["gpu-box-1"]);
    expect(await c.upstreamCalls(AGENTS)).toBeGreaterThan(before);
    await c.control("webhooks", undefined, "DELETE");
  });
});
