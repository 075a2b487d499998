import { describe, expect, it } from "vitest";
import { bkciWorld, buildFlags, expectContract, fixtures, runBkci, simEnv } from "./bkci-harness";

const world = bkciWorld();
const stack = () => ["--stack-key", world.sim.stackKey];

describe("annotations.list", () => {
  it("lists a build's annotations as plain text, highest priority first", async () => {
    const { annotatedBuild } = await fixtures(world);
    const run = await runBkci(["annotations.list", ...buildFlags(annotatedBuild)], simEnv(world));
    const envelope = expectContract(run, "annotations.list");
    const annotations = envelope.data as { body: string; priority: number }[];
    expect(annotations.length).toBeGreaterThan(0);
    expect(envelope.summary).toEqual({ count: annotations.length });
    expect(annotations.every((annotation) => !/<[a-z]/i.test(annotation.body))).toBe(true);
    const priorities = annotations.map((annotation) => annotation.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });
});

describe("stacks commands", () => {
  it("lists scheduled jobs a page at a time, the next cursor in pagination.nextPage", async () => {
    const first = expectContract(
      await runBkci(["stacks.jobs.list", ...stack(), "--limit", "2"], simEnv(world)),
      "stacks.jobs.list",
    );
    expect(first.summary).toMatchObject({ count: 2, dispatchPaused: false });
    expect(first.pagination).toMatchObject({ page: null, perPage: 2, hasMore: true });
    const cursor = String(first.pagination?.nextPage);
    const second = expectContract(
      await runBkci(["stacks.jobs.list", ...stack(), "--limit", "2", "--after", cursor], simEnv(world)),
      "stacks.jobs.list",
    );
    expect(second.request).toMatchObject({ after: cursor });
    const ids = (run: typeof first) => (run.data as { jobs: { id: string }[] }).jobs.map((job) => job.id);
    expect(ids(second)).not.toEqual(expect.arrayContaining(ids(first)));
  });

  it("reserves jobs, notifies one and finishes it", async () => {
    const listed = expectContract(
      await runBkci(["stacks.jobs.list", ...stack(), "--limit", "2"], simEnv(world)),
      "stacks.jobs.list",
    );
    const [one, two] = (listed.data as { jobs: { id: string }[] }).jobs.map((job) => job.id);
    if (one === undefined || two === undefined) throw new Error("the seeded queue has jobs");
    const reserve = await runBkci(
      ["stacks.jobs.reserve", ...stack(), "--job-id", one, "--job-id", two, "--expiry-seconds", "60"],
      simEnv(world),
    );
    expect(expectContract(reserve, "stacks.jobs.reserve").summary).toEqual({ reserved: 2, notReserved: 0 });
    const notify = await runBkci(
      ["stacks.jobs.notify", ...stack(), "--job-id", one, "--detail", "Looking into it"],
      simEnv(world),
    );
    expect(expectContract(notify, "stacks.jobs.notify").summary).toEqual({ sent: true });
    const finish = await runBkci(
      ["stacks.jobs.finish", ...stack(), "--job-id", one, "--exit-status", "-1", "--detail", "Stuck on a lost agent"],
      simEnv(world),
    );
    const finished = expectContract(finish, "stacks.jobs.finish");
    expect(finished.data).toEqual({ jobId: one, exitStatus: -1 });
    expect(finish.exitCode).toBe(0);
  });

  it("pauses and resumes the queue's dispatch, and says when nothing changed", async () => {
    const env = simEnv(world);
    const pause = await runBkci(["stacks.queue.pause", "--org", "acme", ...stack(), "--note", "Maintenance"], env);
    expect(expectContract(pause, "stacks.queue.pause").summary).toEqual({ dispatchPaused: true, changed: true });
    const again = await runBkci(["stacks.queue.pause", "--org", "acme", ...stack(), "--note", "Again"], env);
    expect(expectContract(again, "stacks.queue.pause").summary).toEqual({ dispatchPaused: true, changed: false });
    const resume = await runBkci(["stacks.queue.resume", "--org", "acme", ...stack()], env);
    expect(expectContract(resume, "stacks.queue.resume").summary).toEqual({ dispatchPaused: false, changed: true });
  });

  it("answers auth_error for a cluster token Buildkite rejects, and without one", async () => {
    const rejected = await runBkci(
      ["stacks.jobs.list", ...stack()],
      simEnv(world, { BUILDKITE_CLUSTER_TOKEN: "bkct_wrong" }),
    );
    expect(expectContract(rejected, "stacks.jobs.list").error).toMatchObject({ type: "auth_error", httpStatus: 401 });
    const missing = await runBkci(
      ["stacks.jobs.list", ...stack()],
      simEnv(world, { BUILDKITE_CLUSTER_TOKEN: undefined }),
    );
    expect(expectContract(missing, "stacks.jobs.list").error?.message).toContain("BUILDKITE_CLUSTER_TOKEN");
  });

  it("refuses a finish without --detail before asking Buildkite", async () => {
    const run = await runBkci(
      ["stacks.jobs.finish", ...stack(), "--job-id", "00000000-0000-0000-0000-000000000000", "--exit-status", "1"],
      simEnv(world),
    );
    expect(expectContract(run, "stacks.jobs.finish").error?.message).toContain("--detail");
    expect(run.exitCode).toBe(2);
  });
});
