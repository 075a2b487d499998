import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MAX_BUILD_READS } from "@/server/triage/triage-build-states";
import { startConsole, type TestConsole } from "../../../support/console";
import { readTriage, triagePath } from "../../../support/triage";

// triage.get reads only what every viewer shares: the queue snapshot, the agents list, the waiting jobs'
// builds (bounded) and the cluster; a build it cannot read costs the answer nothing but a warning.

const LIST = "GET /v3/stacks/:key/scheduled-jobs";
const AGENTS = "GET /v2/organizations/:org/agents";
const BUILD = "GET /v2/organizations/:org/pipelines/:pipeline/builds/:number";

/** The distinct builds of a queue's waiting jobs, as the console lists them. */
async function waitingBuilds(c: TestConsole, queueKey: string): Promise<number> {
  const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?queue=${queueKey}&all=1`);
  const jobs = body.data as { pipeline: { slug: string | null }; build: { number: number | null } }[];
  return new Set(jobs.map((job) => `${job.pipeline.slug}#${job.build.number}`)).size;
}

describe("triage.get's upstream cost", () => {
  let c: TestConsole;
  // A long poll interval, so every read below falls within one.
  beforeAll(async () => {
    c = await startConsole({ env: { POLL_INTERVAL_MS: "60000" } });
  });
  afterAll(() => c.close());

  test("20 concurrent viewers cost the upstream calls of one, and later viewers none", async () => {
    await c.control("reset", {});
    const builds = await waitingBuilds(c, "_default");
    expect(builds).toBeGreaterThan(0);
    const responses = await Promise.all(Array.from({ length: 20 }, () => c.api(triagePath(c))));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => JSON.stringify(r.body.data))).size).toBe(1);
    expect(await c.upstreamCalls(AGENTS)).toBe(1);
    // Each waiting build is read once for all 20 viewers.
    expect(await c.upstreamCalls(BUILD)).toBe(Math.min(builds, MAX_BUILD_READS));
    const lists = await c.upstreamCalls(LIST);
    expect(lists).toBeGreaterThan(0);
    const total = await c.upstreamTotal();

    await Promise.all(Array.from({ length: 20 }, () => c.api(triagePath(c))));
    expect(await c.upstreamTotal()).toBe(total);
  });

  test(`reads at most ${MAX_BUILD_READS} builds per computation, and says how many it left unread`, async () => {
    await c.control("reset", {});
    // One build per call: the macos queue's few seeded builds and these make more than the bound.
    for (let i = 0; i < MAX_BUILD_READS; i++) await c.control("jobs", { count: 1, queueKey: "macos" });
    const builds = await waitingBuilds(c, "macos");
    expect(builds).toBeGreaterThan(MAX_BUILD_READS);
    const before = await c.upstreamCalls(BUILD);

    const { summary } = await readTriage(c, "macos");
    expect(await c.upstreamCalls(BUILD)).toBe(before + MAX_BUILD_READS);
    expect(summary.warnings).toContainEqual(
      expect.stringContaining(
        `${builds - MAX_BUILD_READS} more ${builds - MAX_BUILD_READS === 1 ? "was" : "were"} not read`,
      ),
    );
  });

  test("leaves a build it cannot read unknown, answers anyway, and says so", async () => {
    await c.control("reset", {});
    // One build read fails; the linux-large queue's builds have not been read by this console before.
    await c.control("faults", {
      method: "GET",
      path: "/v2/organizations/*/pipelines/*/builds/*",
      status: 503,
      count: 1,
    });
    const { summary } = await readTriage(c, "linux-large");
    expect(summary.warnings).toContainEqual(
      expect.stringMatching(/^1 of the waiting jobs' builds could not be read, so whether it has ended is unknown/),
    );
    await c.control("faults", undefined, "DELETE");
  });
});
