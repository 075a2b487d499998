import { expect } from "vitest";
import { z } from "zod";
import {
  jobEnvSchema,
  jobLogJsonSchema,
  restBuildListSchema,
  restBuildSchema,
  restJobSchema,
} from "@/server/buildkite/rest-build-schemas";
import { toBuildJob, jobCounts } from "@/server/buildkite/build-records";
import { contract, type PayloadContract } from "./contract";

// Builds and jobs as Buildkite documents and sends them. The console calls get/list builds, retry, log and
// env; cancel, trigger, unblock and the cursor-paged job list are the same resources from endpoints it
// does not call, so they must fit the same schemas.

const KEITH = { name: "Keith Pitt", email: "keith@buildkite.com" };

export const restBuildContracts: Record<string, PayloadContract> = {
  "rest.builds.list.docs.json": contract("restBuildListSchema", restBuildListSchema, ([build, ...rest]) => {
    expect(rest).toEqual([]);
    expect(build).toMatchObject({
      number: 1,
      state: "passed",
      blocked: false,
      creator: KEITH,
      pipeline: { slug: "great-pipeline", name: "great-pipeline" },
    });
    expect(build?.jobs?.[0]).toMatchObject({
      name: "RSpec",
      stepKey: "rspec",
      groupKey: "tests",
      state: "passed",
      agentName: "my-agent-123",
      agentQueryRules: ["*"],
    });
  }),

  // Redacted by hand: the creator keeps only its ids, so it has neither name nor email.
  "rest.builds.list.bk-cli-capture.json": contract("restBuildListSchema", restBuildListSchema, ([build]) => {
    expect(build).toMatchObject({
      number: 584,
      state: "passed",
      creator: { name: null, email: null },
      jobs: [],
      pipeline: { slug: "buildkite-cli", name: "Buildkite CLI" },
    });
  }),

  "rest.builds.get.docs.json": contract("restBuildSchema", restBuildSchema, (build) => {
    expect(build).toMatchObject({
      number: 2,
      state: "passed",
      creator: KEITH,
      jobStateCounts: { passed: 1 },
      finishedAt: "2015-05-09T21:08:59.874Z",
    });
    expect(build.jobs?.[0]).toMatchObject({
      retriesCount: 1,
      retrySource: { jobId: "0194b92a-4d74-46bb-a1bf-61c73c5642af", retryType: "manual" },
      agentName: "my-agent",
    });
  }),

  // A real build: two passed jobs, a waiter (`{id, graphql_id, type}`, no state) and a failed job.
  "rest.builds.get.sourcelab-capture.json": contract("restBuildSchema", restBuildSchema, (build) => {
    expect(build).toMatchObject({
      number: 22,
      state: "failed",
      creator: { name: "First Last", email: "first.last@email.com" },
    });
    const jobs = (build.jobs ?? []).map(toBuildJob);
    expect(jobs.map((job) => [job.type, job.name, job.state])).toEqual([
      ["script", "Compile & Verify", "passed"],
      ["script", "Run tests", "passed"],
      ["waiter", null, null],
      ["script", "Annotate", "failed"],
    ]);
    expect(jobs[2]).toMatchObject({ stepKey: null, exitStatus: null, hasLog: false });
    expect(jobs[3]).toMatchObject({ exitStatus: "126", retriesCount: null });
    // A finished build has nothing waiting: the waiter is not counted as a job at all.
    expect(jobCounts(jobs)).toEqual({ passed: 2, failed: 1, running: 0, blocked: 0 });
  }),

  "rest.builds.cancel.docs.json": contract("restBuildSchema", restBuildSchema, (build) => {
    expect(build).toMatchObject({ state: "canceled", creator: KEITH });
    expect(build.jobs?.map((job) => job.state)).toEqual(["scheduled"]);
  }),

  "rest.jobs.get.docs.json": contract("restJobSchema", restJobSchema, (job) => {
    expect(job).toMatchObject({
      type: "script",
      name: ":package: Build",
      stepKey: "build",
      state: "passed",
      exitStatus: 0,
      agentName: null,
      priority: 0,
      command: "scripts/build.sh",
    });
  }),

  "rest.jobs.list.docs.json": contract(
    "restJobSchema (items)",
    z.object({ items: z.array(restJobSchema) }),
    ({ items }) => {
      expect(items.map((job) => [job.name, job.state])).toEqual([[":package: Build", "passed"]]);
    },
  ),

  "rest.jobs.retry.docs.json": contract("restJobSchema", restJobSchema, (job) => {
    expect(job).toMatchObject({
      state: "scheduled",
      retriesCount: 1,
      runnableAt: null,
      startedAt: null,
      finishedAt: null,
      agentName: null,
    });
  }),

  "rest.jobs.trigger.docs.json": contract("restJobSchema", restJobSchema, (job) => {
    expect(job).toMatchObject({
      type: "trigger",
      name: "Deploy to production",
      stepKey: "deploy-production",
      state: "passed",
      agentQueryRules: [],
      logUrl: null,
    });
    expect(toBuildJob(job).hasLog).toBe(false);
  }),

  // A block step's job: `label`, never `name`, and no web_url.
  "rest.jobs.unblock.docs.json": contract("restJobSchema", restJobSchema, (job) => {
    expect(job).toMatchObject({ type: "manual", name: "Deploy", state: "unblocked", webUrl: null });
    expect(toBuildJob(job).hasLog).toBe(false);
  }),

  "rest.jobs.log.docs.json": contract("jobLogJsonSchema", jobLogJsonSchema, (log) => {
    expect(log).toMatchObject({ content: "This is the job's log output", size: 28 });
    expect(log.headerTimes).toHaveLength(5);
  }),

  // The example repeats BUILDKITE_COMMAND; JSON keeps the last.
  "rest.jobs.env.docs.json": contract("jobEnvSchema", jobEnvSchema, (env) => {
    expect(env).toMatchObject({
      BUILDKITE_COMMAND: "buildkite-agent pipeline upload",
      BUILDKITE_MESSAGE: ":llama:",
      BUILDKITE_BUILD_CREATOR: "Keith Pitt",
    });
  }),
};
