import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startHarness, type Harness, type ListBody } from "./sim-harness";
import { startReceiver, until, type TestReceiver } from "./webhook-receiver";

// The simulator's agents: the REST list (pagination, filters, scope), the control routes that connect and
// drop agents with their webhooks, and background activity giving jobs only to agents that satisfy them.

const wireAgent = z.looseObject({
  id: z.uuid(),
  name: z.string(),
  connection_state: z.string(),
  hostname: z.string(),
  version: z.string(),
  meta_data: z.array(z.string()),
  job: z.looseObject({ id: z.uuid(), state: z.string(), agent_query_rules: z.array(z.string()) }).nullable(),
  last_job_finished_at: z.string().nullable(),
  created_at: z.string(),
});
type WireAgent = z.infer<typeof wireAgent>;

let h: Harness;
let receiver: TestReceiver;
beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
});
beforeEach(async () => {
  await h.control("reset");
  await h.control("activity", { on: false });
});
afterAll(async () => {
  await h.control("webhooks", undefined, "DELETE");
  await Promise.all([h.sim.close(), receiver.close()]);
});

async function agentsPage(query = "", token?: string) {
  const response = await h.rest(`/organizations/acme/agents${query}`, {}, token);
  return { response, agents: z.array(wireAgent).parse(await response.json()) };
}

/** Every agent, following the `Link` header's `next` as a client would. */
async function allAgents(): Promise<WireAgent[]> {
  const agents: WireAgent[] = [];
  let url: string | null = `${h.sim.restApiUrl}/organizations/acme/agents?per_page=2`;
  for (let pages = 0; url !== null && pages < 20; pages++) {
    const response: Response = await fetch(url, { headers: { Authorization: `Bearer ${h.sim.apiToken}` } });
    agents.push(...z.array(wireAgent).parse(await response.json()));
    url = /<([^>]+)>; rel="next"/.exec(response.headers.get("link") ?? "")?.[1] ?? null;
  }
  return agents;
}

describe("the REST agents list", () => {
  it("lists the seeded agents of every queue, with tags, the lost one and the busy ones' jobs", async () => {
    const { response, agents } = await agentsPage();
    expect(response.status).toBe(200);
    const queues = new Set(agents.flatMap((agent) => agent.meta_data.filter((tag) => tag.startsWith("queue="))));
    expect(queues).toEqual(new Set(["queue=_default", "queue=linux-large", "queue=macos"]));
    expect(agents.filter((agent) => agent.connection_state === "lost")).toHaveLength(1);
    const busy = agents.filter((agent) => agent.job !== null);
    expect(busy.length).toBeGreaterThan(0);
    for (const agent of busy) expect(agent.job?.state).toMatch(/^(assigned|accepted|running)$/);
  });

  it("pages with a Link header and the pages together are the whole list", async () => {
    const { agents: whole } = await agentsPage("?per_page=100");
    const first = await agentsPage("?per_page=2");
    expect(first.agents).toHaveLength(2);
    expect(first.response.headers.get("link")).toMatch(/rel="next"/);
    expect((await allAgents()).map((agent) => agent.id)).toEqual(whole.map((agent) => agent.id));
  });

  it("filters by exact name, hostname and version", async () => {
    const { agents } = await agentsPage("?name=mac-mini-04");
    expect(agents.map((agent) => agent.name)).toEqual(["mac-mini-04"]);
    const [mac] = agents;
    expect((await agentsPage(`?hostname=${mac?.hostname ?? ""}`)).agents).toHaveLength(1);
    expect((await agentsPage("?name=mac-mini")).agents).toEqual([]);
    expect((await agentsPage("?version=0.0.1")).agents).toEqual([]);
  });

  it("needs read_agents: the read-only token is refused with 403", async () => {
    expect((await h.rest("/organizations/acme/agents", {}, h.sim.apiReadOnlyToken)).status).toBe(403);
    expect((await h.rest("/organizations/nope/agents")).status).toBe(404);
  });
});

describe("agents connecting and dropping", () => {
  it("connects an agent, loses it and disconnects another, with a webhook for each", async () => {
    const registered = await h.control("webhooks", {
      url: receiver.url,
      token: "agent-hook-token",
      events: ["agent.connected", "agent.lost", "agent.disconnected"],
    });
    expect(registered.status).toBe(201);
    const connected = await h.control("agents", { name: "win-1", tags: ["queue=_default", "os=windows"] });
    expect(connected.status).toBe(201);
    const { id } = z.object({ id: z.uuid() }).parse(await connected.json());
    expect((await agentsPage("?name=win-1")).agents[0]?.connection_state).toBe("connected");

    expect((await h.control(`agents/${id}`, { state: "lost" }, "DELETE")).status).toBe(200);
    expect((await agentsPage("?name=win-1")).agents[0]?.connection_state).toBe("lost");
    expect((await h.control(`agents/${id}`, {}, "DELETE")).status).toBe(200);
    expect((await agentsPage("?name=win-1")).agents).toEqual([]);
    expect((await h.control(`agents/${id}`, {}, "DELETE")).status).toBe(404);

    await until(() => receiver.delivered().length >= 3, 5_000);
    const deliveries = receiver.delivered().map((delivery) => delivery.payload);
    expect(deliveries).toEqual([
      expect.objectContaining({ event: "agent.connected", agent: expect.objectContaining({ id, name: "win-1" }) }),
      expect.objectContaining({ event: "agent.lost", agent: expect.objectContaining({ connection_state: "lost" }) }),
      expect.objectContaining({
        event: "agent.disconnected",
        agent: expect.objectContaining({
          connection_state: "disconnected",
          created_at: expect.stringMatching(/ UTC$/),
        }),
      }),
    ]);
  });

  it("refuses an agent without a name", async () => {
    expect((await h.control("agents", { tags: ["queue=_default"] })).status).toBe(422);
  });
});

describe("agents picking up work", () => {
  const unmatched = (rules: string[]) => rules.some((rule) => rule === "os=windows" || rule === "gpu=true");

  it("gives jobs only to agents whose tags satisfy their rules, and leaves the unsatisfiable ones waiting", async () => {
    const scheduled = async () => {
      const response = await h.api(`/stacks/${h.sim.stackKey}/scheduled-jobs?queue_key=_default&limit=1000`);
      return ((await response.json()) as ListBody).jobs;
    };
    const waiting = (await scheduled()).filter((job) => unmatched(job.agent_query_rules));
    expect(waiting).toHaveLength(2);

    await h.control("activity", { on: true });
    const seen = new Map<string, WireAgent>();
    // Activity beats every 1.5 s; a few beats are enough for agents to take jobs, and the wait is bounded.
    await until(async () => {
      for (const agent of (await agentsPage("?per_page=100")).agents)
        if (agent.job !== null) seen.set(agent.job.id, agent);
      return [...seen.values()].some((agent) => agent.job?.state === "assigned" || agent.job?.state === "running");
    }, 10_000);
    await h.control("activity", { on: false });

    for (const agent of seen.values()) {
      for (const rule of agent.job?.agent_query_rules ?? []) expect(agent.meta_data).toContain(rule);
    }
    const stillWaiting = (await scheduled()).filter((job) => unmatched(job.agent_query_rules)).map((job) => job.id);
    expect(stillWaiting).toEqual(waiting.map((job) => job.id));
  });
});
