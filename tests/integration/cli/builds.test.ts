import { describe, expect, it } from "vitest";
import {
  armFault,
  bkciWorld,
  buildFlags,
  clearFaults,
  expectContract,
  fixtures,
  requestCount,
  requestsTo,
  runBkci,
  simEnv,
} from "./bkci-harness";

const world = bkciWorld();

describe("builds.list", () => {
  it("lists every organization's builds without --org, one organization's with it, one pipeline's with both", async () => {
    const env = simEnv(world);
    const routes = {
      all: "GET /v2/builds",
      org: "GET /v2/organizations/:org/builds",
      pipeline: "GET /v2/organizations/:org/pipelines/:pipeline/builds",
    };
    const before = await Promise.all(Object.values(routes).map((route) => requestsTo(world, route)));
    const all = expectContract(await runBkci(["builds.list", "--per-page", "2"], env), "builds.list");
    const org = expectContract(await runBkci(["builds.list", "--org", "acme"], env), "builds.list");
    const pipeline = expectContract(
      await runBkci(["builds.list", "--org", "acme", "--pipeline", "web", "--state", "failed"], env),
      "builds.list",
    );
    const after = await Promise.all(Object.values(routes).map((route) => requestsTo(world, route)));
    expect(after.map((count, index) => count - (before[index] ?? 0))).toEqual([1, 1, 1]);
    expect(all.request).toEqual({ org: null, pipeline: null, branch: null, state: null, page: 1, perPage: 2 });
    expect(all.pagination).toEqual({ page: 1, perPage: 2, nextPage: 2, prevPage: null, hasMore: true });
    expect(org.summary.count).toBeGreaterThan(0);
    const builds = pipeline.data as { state: string; pipeline: { slug: string } }[];
    expect(builds.length).toBeGreaterThan(0);
    expect(builds.every((build) => build.state === "failed" && build.pipeline.slug === "web")).toBe(true);
    expect(pipeline.summary).toEqual({ count: builds.length, states: { failed: builds.length } });
  });

  it("takes the org from BUILDKITE_ORG, and pages on with --page", async () => {
    const run = await runBkci(
      ["builds.list", "--page", "2", "--per-page", "1"],
      simEnv(world, { BUILDKITE_ORG: "acme" }),
    );
    const envelope = expectContract(run, "builds.list");
    expect(envelope.request).toMatchObject({ org: "acme", page: 2, perPage: 1 });
    expect(envelope.pagination).toMatchObject({ page: 2, prevPage: 1 });
  });

  it("puts Buildkite's exact JSON in data with --raw", async () => {
    const run = await runBkci(["builds.list", "--org", "acme", "--per-page", "1", "--raw"], simEnv(world));
    const envelope = expectContract(run, "builds.list", true);
    const [build] = envelope.data as Record<string, unknown>[];
    expect(build).toHaveProperty("web_url");
    expect(build).not.toHaveProperty("webUrl");
    expect(envelope.request.raw).toBe(true);
  });
});

describe("builds.get", () => {
  it("shows the build, its jobs in the contract's names, job counts and failed job ids", async () => {
    const { failedJob } = await fixtures(world);
    const run = await runBkci(["builds.get", ...buildFlags(failedJob)], simEnv(world));
    const envelope = expectContract(run, "builds.get");
    expect(run.exitCode).toBe(0);
    expect(envelope.request).toEqual({ org: "acme", pipeline: failedJob.pipeline, buildNumber: failedJob.buildNumber });
    expect(envelope.summary).toMatchObject({ failedJobIds: [failedJob.jobId], jobCounts: { failed: 1 } });
    const jobs = (envelope.data as { jobs: { id: string; exitStatus: string | null }[] }).jobs;
    expect(jobs.find((job) => job.id === failedJob.jobId)?.exitStatus).toBe("1");
  });

  it("answers not_found (404) for a build that does not exist", async () => {
    const run = await runBkci(
      ["builds.get", "--org", "acme", "--pipeline", "web", "--build-number", "999999"],
      simEnv(world),
    );
    expect(expectContract(run, "builds.get").error).toMatchObject({ type: "not_found", httpStatus: 404 });
    expect(run.exitCode).toBe(1);
  });
});

describe("bad input", () => {
  const cases: [string, string[], string][] = [
    ["a missing --pipeline", ["builds.get", "--org", "acme", "--build-number", "1"], "--pipeline"],
    [
      "a non-numeric --build-number",
      ["builds.get", "--org", "acme", "--pipeline", "web", "--build-number", "12a"],
      "--build-number",
    ],
    [
      "an unknown flag",
      ["builds.get", "--org", "acme", "--pipeline", "web", "--build-number", "1", "--colour"],
      "--colour",
    ],
    ["an unknown command", ["builds.fetch", "--org", "acme"], "builds.fetch"],
    ["a flag without its value", ["builds.list", "--org"], "--org"],
    ["a bad --state", ["builds.list", "--state", "green"], "--state"],
  ];

  it.each(cases)("%s is a validation_error naming it, exit 2, with nothing sent", async (_name, args, named) => {
    const before = await requestCount(world);
    const run = await runBkci(args, simEnv(world));
    expect(run.exitCode).toBe(2);
    expect(run.json).toMatchObject({ ok: false, error: { type: "validation_error" } });
    expect((run.json.error as { message: string }).message).toContain(named);
    if (args[0] === "builds.get") expectContract(run, "builds.get");
    expect(await requestCount(world)).toBe(before);
  });
});

describe("Buildkite's failures", () => {
  const list = ["builds.list", "--org", "acme", "--per-page", "1"];

  it("retries a 429 and succeeds", async () => {
    await armFault(world, { path: "/v2/organizations/acme/builds", status: 429, count: 1, retryAfter: 0 });
    const before = await requestsTo(world, "GET /v2/organizations/:org/builds");
    const run = await runBkci(list, simEnv(world));
    expect(expectContract(run, "builds.list").ok).toBe(true);
    // The 429 and the retry that succeeded.
    expect(await requestsTo(world, "GET /v2/organizations/:org/builds")).toBe(before + 2);
  });

  it("answers rate_limited, retryable, when the limit does not lift", async () => {
    await armFault(world, { path: "/v2/organizations/acme/builds", status: 429, count: 10, retryAfter: 0 });
    const run = await runBkci(list, simEnv(world, { BKCI_MAX_ATTEMPTS: "2" }));
    await clearFaults(world);
    expect(expectContract(run, "builds.list").error).toMatchObject({
      type: "rate_limited",
      httpStatus: 429,
      retryable: true,
      details: { attempts: 2 },
    });
    expect(run.exitCode).toBe(1);
  });

  it("answers network_error, retryable, when the connection drops", async () => {
    await armFault(world, { path: "/v2/organizations/acme/builds", mode: "reset", count: 10 });
    const run = await runBkci(list, simEnv(world, { BKCI_MAX_ATTEMPTS: "1" }));
    await clearFaults(world);
    expect(expectContract(run, "builds.list").error).toMatchObject({
      type: "network_error",
      httpStatus: null,
      retryable: true,
    });
  });

  it("answers server_error for a 5xx that persists", async () => {
    await armFault(world, { path: "/v2/organizations/acme/builds", status: 503, count: 10, retryAfter: 0 });
    const run = await runBkci(list, simEnv(world, { BKCI_MAX_ATTEMPTS: "1" }));
    await clearFaults(world);
    expect(expectContract(run, "builds.list").error).toMatchObject({ type: "server_error", httpStatus: 503 });
  });

  it("refuses a bad environment variable as a validation error naming it", async () => {
    const run = await runBkci(list, simEnv(world, { BUILDKITE_REST_API_URL: "not a url" }));
    expect(run.exitCode).toBe(2);
    expect((run.json.error as { message: string }).message).toContain("BUILDKITE_REST_API_URL");
  });
});
