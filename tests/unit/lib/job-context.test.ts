import { describe, expect, it } from "vitest";
import { consoleLogPath, contextFromEnv, contextFromRow, withBuild } from "@/lib/job-context";
import type { BuildDetail, BuildJob } from "@/lib/schemas/builds";
import type { ScheduledJob } from "@/lib/schemas/jobs";

const JOB = "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f";

const row: ScheduledJob = {
  id: JOB,
  priority: 2,
  agentQueryRules: ["queue=default"],
  scheduledAt: "2026-11-30T12:00:00Z",
  runnableAt: null,
  pipeline: { slug: "web app", uuid: null },
  build: { uuid: null, number: 42, branch: "main" },
  step: { key: "e2e" },
};

const buildJob = (overrides: Partial<BuildJob>): BuildJob => ({
  id: JOB,
  type: "script",
  name: "e2e",
  stepKey: "e2e",
  state: "finished",
  exitStatus: "-1",
  softFailed: false,
  agentQueryRules: ["queue=default"],
  agentName: null,
  createdAt: null,
  scheduledAt: "2026-11-30T12:00:00Z",
  startedAt: null,
  finishedAt: "2026-11-30T12:05:00Z",
  webUrl: `https://buildkite.com/acme/web-app/builds/42#${JOB}`,
  retried: false,
  retriedInJobId: null,
  retriesCount: null,
  retrySource: null,
  hasLog: true,
  ...overrides,
});

const build = (
  jobs: BuildJob[],
  webUrl: string | null = "https://buildkite.com/acme/web-app/builds/42",
): BuildDetail => ({ build: { webUrl, branch: "main" } as BuildDetail["build"], jobs });

describe("the job drawer's context", () => {
  it("keeps a row's facts, saying when it left the list", () => {
    expect(contextFromRow(row, null)).toMatchObject({ pipeline: "web app", buildNumber: 42, source: "list" });
    expect(contextFromRow(row, "2026-11-30T12:03:00Z")).toMatchObject({
      waitEndedAt: "2026-11-30T12:03:00Z",
      source: "last-seen",
    });
  });

  it("reads a job's pipeline, build, branch and build page from its environment, ignoring what is malformed", () => {
    const context = contextFromEnv(JOB, {
      BUILDKITE_PIPELINE_SLUG: "web-app",
      BUILDKITE_BUILD_NUMBER: "42",
      BUILDKITE_BRANCH: "main",
      BUILDKITE_BUILD_URL: "https://buildkite.com/acme/web-app/builds/42",
    });
    expect(context).toMatchObject({ pipeline: "web-app", buildNumber: 42, branch: "main", source: "environment" });
    expect(context.webUrl).toBe(`https://buildkite.com/acme/web-app/builds/42#${JOB}`);

    const odd = contextFromEnv(JOB, { BUILDKITE_BUILD_NUMBER: "4x", BUILDKITE_BUILD_URL: "javascript:alert(1)" });
    expect(odd).toMatchObject({ pipeline: null, buildNumber: null, webUrl: null });
  });

  it("takes the job's page and times from its build, or the build's page with the job's anchor", () => {
    const started = withBuild(contextFromRow(row, null), JOB, build([buildJob({ startedAt: "2026-11-30T12:01:00Z" })]));
    expect(started).toMatchObject({
      webUrl: `https://buildkite.com/acme/web-app/builds/42#${JOB}`,
      waitEndedAt: "2026-11-30T12:01:00Z",
      finishedAt: "2026-11-30T12:05:00Z",
    });
    const noJobPage = withBuild(contextFromRow(row, null), JOB, build([buildJob({ webUrl: null })]));
    expect(noJobPage.webUrl).toBe(`https://buildkite.com/acme/web-app/builds/42#${JOB}`);
    expect(withBuild(contextFromRow(row, null), JOB, undefined).webUrl).toBeNull();
  });

  it("links to the console's log page for the job", () => {
    expect(consoleLogPath(contextFromRow(row, null), JOB)).toBe(`/builds/web%20app/42/jobs/${JOB}`);
    expect(consoleLogPath(contextFromEnv(JOB, {}), JOB)).toBeNull();
  });
});
