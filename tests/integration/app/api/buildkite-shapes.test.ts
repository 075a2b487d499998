import { describe, expect, it } from "vitest";
import { seededConsole, type ApiBody } from "../../../support/console";

// The awkward shapes Buildkite really sends, served by the simulator and read by the console over real
// HTTP: a waiter with no state, a block step named by its label, a creator with ids only, and the Go
// client's `cluster_queue.paused` (on the linux-large queue).

interface BuildRef {
  pipeline: string;
  buildNumber: number;
}
interface Fixtures {
  passedBuild: BuildRef;
  blockedBuild: BuildRef;
  namelessCreatorBuild: BuildRef;
  waiterJob: BuildRef & { jobId: string };
  manualJob: BuildRef & { jobId: string };
}
interface JobView {
  id: string;
  type: string;
  name: string | null;
  state: string | null;
}

const world = seededConsole<Fixtures>();

const getBuild = (ref: BuildRef) => world.console.api(`/api/v1/pipelines/${ref.pipeline}/builds/${ref.buildNumber}`);

describe("builds with Buildkite's real shapes", () => {
  it("counts a passed build's jobs with no phantom waiting job for its stateless waiter", async () => {
    const { status, body } = await getBuild(world.fixtures.passedBuild);
    expect(status).toBe(200);
    expect(body.data.build.state).toBe("passed");
    const waiters = (body.data.jobs as JobView[]).filter((job) => job.type === "waiter");
    expect(waiters).toEqual([expect.objectContaining({ type: "waiter", name: null, state: null })]);
    expect(body.summary).toEqual({ jobCounts: { passed: 4, failed: 0, running: 0, blocked: 0 }, failedJobIds: [] });
  });

  it("names a block step by its label and counts only the job that really waits", async () => {
    const { body } = await getBuild(world.fixtures.blockedBuild);
    const jobs = body.data.jobs as JobView[];
    expect(jobs.find((job) => job.id === world.fixtures.manualJob.jobId)).toMatchObject({
      type: "manual",
      name: ":rocket: Deploy to production?",
      state: "blocked",
    });
    expect(jobs.find((job) => job.id === world.fixtures.waiterJob.jobId)).toMatchObject({ state: null });
    // The deploy job after the block step is waiting; the waiter before the block step is not a job.
    expect(body.summary.jobCounts).toEqual({ passed: 2, failed: 0, running: 0, blocked: 1, waiting: 1 });
  });

  it("reads a build, and the page of builds holding it, whose creator has no name", async () => {
    const { body } = await getBuild(world.fixtures.namelessCreatorBuild);
    expect(body.data.build.creator).toEqual({ name: null, email: null });

    const list = await world.console.api(
      `/api/v1/builds?pipeline=${world.fixtures.namelessCreatorBuild.pipeline}&perPage=100`,
    );
    expect(list.status).toBe(200);
    const listed = (list.body.data as { number: number; creator: unknown }[]).find(
      (build) => build.number === world.fixtures.namelessCreatorBuild.buildNumber,
    );
    expect(listed?.creator).toEqual({ name: null, email: null });
  });
});

describe("a queue whose pause flag is spelled `paused`", () => {
  const queuePath = () => `/api/v1/stacks/${world.console.sim.stackKey}/queue?queue=linux-large`;

  /** Reads queue.get until it matches: the console reuses a read for one poll interval (1 s here). */
  async function until(predicate: (body: ApiBody) => boolean): Promise<ApiBody> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const { body } = await world.console.api(queuePath());
      if (predicate(body)) return body;
      if (Date.now() > deadline)
        throw new Error(`queue.get never matched; last: ${JSON.stringify(body.data ?? body.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it("shows as paused, with who paused it, and as dispatching again once resumed", async () => {
    expect((await until((body) => body.ok)).data.dispatchPaused).toBe(false);
    await world.console.control("queue", {
      queueKey: "linux-large",
      paused: true,
      note: "draining arm64 hosts",
      by: "Mei",
    });
    const paused = await until((body) => body.data?.dispatchPaused === true);
    expect(paused.data).toMatchObject({
      queueKey: "linux-large",
      pause: { by: { name: "Mei" }, note: "draining arm64 hosts" },
    });
    await world.console.control("queue", { queueKey: "linux-large", paused: false });
    expect((await until((body) => body.data?.dispatchPaused === false)).data.pause).toBeNull();
  });
});
