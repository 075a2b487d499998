import { describe, expect, it } from "vitest";
import { REDACTED } from "@/server/buildkite/redact";
import {
  bkciWorld,
  buildFlags,
  expectContract,
  fixtures,
  jobFlags,
  requestCount,
  runBkci,
  simEnv,
} from "./bkci-harness";

const world = bkciWorld();
const env = () => simEnv(world, { BUILDKITE_ORG: "acme" });

describe("builds.create, builds.rebuild and builds.cancel", () => {
  it("creates a build, rebuilds it as a new one, and cancels that", async () => {
    const created = expectContract(
      await runBkci(
        ["builds.create", "--pipeline", "web", "--commit", "HEAD", "--branch", "main", "--message", "bkci"],
        env(),
      ),
      "builds.create",
    );
    expect(created.request).toEqual({ org: "acme", pipeline: "web", commit: "HEAD", branch: "main", message: "bkci" });
    expect(created.summary).toMatchObject({ created: true, state: "scheduled" });
    const number = String(created.summary.buildNumber);
    const rebuilt = expectContract(
      await runBkci(["builds.rebuild", "--pipeline", "web", "--build-number", number], env()),
      "builds.rebuild",
    );
    expect(rebuilt.summary.buildNumber).not.toBe(created.summary.buildNumber);
    const canceled = expectContract(
      await runBkci(
        ["builds.cancel", "--pipeline", "web", "--build-number", String(rebuilt.summary.buildNumber)],
        env(),
      ),
      "builds.cancel",
    );
    expect(canceled.summary).toMatchObject({ canceled: true, state: "canceled" });
  });

  it("is refused with permission_error for a read-only token", async () => {
    const run = await runBkci(
      ["builds.create", "--pipeline", "web", "--commit", "HEAD", "--branch", "main"],
      simEnv(world, { BUILDKITE_ORG: "acme", BUILDKITE_API_TOKEN: world.readOnlyToken }),
    );
    expect(expectContract(run, "builds.create").error).toMatchObject({ type: "permission_error", httpStatus: 403 });
  });

  it("answers validation_error when Buildkite refuses to cancel a finished build (422)", async () => {
    const { passedBuild } = await fixtures(world);
    const run = await runBkci(["builds.cancel", ...buildFlags(passedBuild)], env());
    expect(expectContract(run, "builds.cancel").error).toMatchObject({ type: "validation_error", httpStatus: 422 });
  });
});

describe("jobs.unblock, jobs.env.get and pipelines.list", () => {
  it("unblocks a block step with its fields", async () => {
    const { manualJob } = await fixtures(world);
    const run = await runBkci(["jobs.unblock", ...jobFlags(manualJob), "--field", "release=v1=2"], env());
    const envelope = expectContract(run, "jobs.unblock");
    expect(envelope.request.fields).toEqual({ release: "v1=2" });
    expect(envelope.summary).toEqual({ unblocked: true, jobId: manualJob.jobId, state: "unblocked" });
  });

  it("refuses a --field that is not key=value before asking Buildkite", async () => {
    const { manualJob } = await fixtures(world);
    const before = await requestCount(world);
    const run = await runBkci(
      ["jobs.unblock", "--pipeline", "api", "--build-number", "1", "--job-id", manualJob.jobId, "--field", "novalue"],
      env(),
    );
    expect(expectContract(run, "jobs.unblock").error?.message).toContain("--field");
    expect(run.exitCode).toBe(2);
    expect(await requestCount(world)).toBe(before);
  });

  it("shows a job's env with secret-looking values hidden", async () => {
    const { failedJob } = await fixtures(world);
    const run = await runBkci(["jobs.env.get", ...jobFlags(failedJob)], env());
    const envelope = expectContract(run, "jobs.env.get");
    const { env: vars } = envelope.data as { env: Record<string, string> };
    expect(envelope.summary.count).toBe(Object.keys(vars).length);
    const redacted = envelope.summary.redacted as string[];
    expect(redacted.length).toBeGreaterThan(0);
    for (const name of redacted) expect(vars[name]).toBe(REDACTED);
    expect(Object.keys(vars)).toContain("BUILDKITE_PIPELINE_SLUG");
  });

  it("lists the organization's pipelines", async () => {
    const envelope = expectContract(await runBkci(["pipelines.list"], env()), "pipelines.list");
    const slugs = (envelope.data as { slug: string }[]).map((pipeline) => pipeline.slug);
    expect(slugs).toEqual(expect.arrayContaining(["web", "api"]));
    expect(envelope.summary).toEqual({ count: slugs.length });
  });
});
