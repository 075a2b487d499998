import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { deriveTokens } from "@/server/simulator/tokens";
import { post, startHarness, type Harness, type ListBody } from "./sim-harness";

// The levers the triage tests pull: jobs of a chosen priority, a build that ends while its jobs stay
// scheduled, an agent made busy on demand, a cluster whose default queue changes, and a REST token that
// cannot read builds.

const scheduled = z.object({
  ids: z.array(z.uuid()),
  build: z.object({ id: z.uuid(), pipeline: z.string(), number: z.number().int() }),
});

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
beforeEach(async () => {
  await h.control("reset");
  await h.control("activity", { on: false });
});
afterAll(() => h.sim.close());

async function listed(queueKey: string) {
  const response = await h.api(`/stacks/${h.sim.stackKey}/scheduled-jobs?queue_key=${queueKey}&limit=1000`);
  return ((await response.json()) as ListBody).jobs;
}

async function schedule(body: Record<string, unknown>) {
  const response = await h.control("jobs", body);
  expect(response.status).toBe(200);
  return scheduled.parse(await response.json());
}

describe("POST /__sim/jobs", () => {
  it("gives the new jobs the priority asked for, and names their build", async () => {
    const { ids, build } = await schedule({ count: 2, queueKey: "macos", priority: 7 });
    const jobs = (await listed("macos")).filter((job) => ids.includes(job.id));
    expect(jobs.map((job) => job.priority)).toEqual([7, 7]);
    expect(jobs.every((job) => job.build.uuid === build.id && job.build.number === build.number)).toBe(true);
  });
});

describe("POST /__sim/builds/{uuid}/state", () => {
  it("ends the build while its scheduled jobs stay listed, and a stack finishing them leaves it canceled", async () => {
    const { ids, build } = await schedule({ count: 2, queueKey: "macos" });
    const ended = await h.control(`builds/${build.id}/state`, { state: "canceled" });
    expect(ended.status).toBe(200);
    const rest = await h.rest(`/organizations/acme/pipelines/${build.pipeline}/builds/${build.number}`);
    expect(((await rest.json()) as { state: string }).state).toBe("canceled");
    expect((await listed("macos")).map((job) => job.id)).toEqual(expect.arrayContaining(ids));

    for (const id of ids) {
      const finished = await h.api(`/stacks/${h.sim.stackKey}/jobs/${id}/finish`, post({ detail: "build ended" }));
      expect(finished.status).toBe(200);
    }
    const after = await h.rest(`/organizations/acme/pipelines/${build.pipeline}/builds/${build.number}`);
    expect(((await after.json()) as { state: string }).state).toBe("canceled");
  });

  it("refuses an unknown build and a state that is not an end", async () => {
    const { build } = await schedule({ count: 1, queueKey: "macos" });
    expect((await h.control("builds/00000000-0000-4000-8000-000000000000/state", { state: "passed" })).status).toBe(
      404,
    );
    expect((await h.control(`builds/${build.id}/state`, { state: "running" })).status).toBe(422);
  });
});

describe("POST /__sim/agents/{id}/pickup", () => {
  it("gives an idle agent the oldest job it satisfies, then refuses it while it is busy", async () => {
    const connected = await h.control("agents", { name: "mac-2", tags: ["queue=macos", "xcode=16.2"] });
    const { id } = z.object({ id: z.uuid() }).parse(await connected.json());
    const [oldest] = await listed("macos");
    const picked = await h.control(`agents/${id}/pickup`);
    expect(picked.status).toBe(200);
    expect(z.object({ jobId: z.uuid() }).parse(await picked.json()).jobId).toBe(oldest?.id);
    expect((await listed("macos")).map((job) => job.id)).not.toContain(oldest?.id);
    const agents = (await (await h.rest("/organizations/acme/agents?per_page=100")).json()) as {
      id: string;
      job: { id: string } | null;
    }[];
    expect(agents.find((agent) => agent.id === id)?.job?.id).toBe(oldest?.id);
    expect((await h.control(`agents/${id}/pickup`)).status).toBe(409);
  });

  it("refuses an agent that no scheduled job matches", async () => {
    const connected = await h.control("agents", { name: "solaris", tags: ["queue=macos", "os=solaris"] });
    const { id } = z.object({ id: z.uuid() }).parse(await connected.json());
    expect((await h.control(`agents/${id}/pickup`)).status).toBe(409);
  });
});

describe("POST /__sim/cluster", () => {
  it("changes the cluster's default_queue_id to the queue named, and refuses an unknown queue", async () => {
    const changed = await h.control("cluster", { defaultQueueKey: "linux-large" });
    expect(changed.status).toBe(200);
    const clusters = (await (await h.rest("/organizations/acme/clusters")).json()) as {
      id: string;
      default_queue_id: string;
    }[];
    const [cluster] = clusters;
    const queues = (await (await h.rest(`/organizations/acme/clusters/${cluster?.id}/queues`)).json()) as {
      id: string;
      key: string;
    }[];
    expect(queues.find((queue) => queue.id === cluster?.default_queue_id)?.key).toBe("linux-large");
    expect((await h.control("cluster", { defaultQueueKey: "nowhere" })).status).toBe(404);
  });
});

describe("the agents-only REST token", () => {
  it("reads agents and clusters, says so in its scopes, and is refused builds", async () => {
    const token = deriveTokens(42).apiAgentsOnly;
    const access = (await (await h.rest("/access-token", {}, token)).json()) as { scopes: string[] };
    expect([...access.scopes].sort()).toEqual(["read_agents", "read_clusters"]);
    expect((await h.rest("/organizations/acme/agents", {}, token)).status).toBe(200);
    expect((await h.rest("/organizations/acme/clusters", {}, token)).status).toBe(200);
    expect((await h.rest("/organizations/acme/builds", {}, token)).status).toBe(403);
  });
});
