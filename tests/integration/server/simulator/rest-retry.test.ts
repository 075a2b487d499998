import { describe, expect, it } from "vitest";
import { buildPath, jobPath, withRestHarness, type Harness, type JobFixture, type SimFixtures } from "./sim-harness";

interface RestJob {
  id: string;
  state: string;
  name: string;
  step_key: string | null;
  agent_query_rules: string[];
  retried: boolean;
  retried_in_job_id: string | null;
  retries_count: number;
  retry_source: { job_id: string; retry_type: string } | null;
}

let h: Harness;
let fx: SimFixtures;
withRestHarness((harness, fixtures) => {
  h = harness;
  fx = fixtures;
});

const retry = (job: JobFixture | string, token?: string, ref: JobFixture = fx.failedJob) =>
  h.rest(`${typeof job === "string" ? `${buildPath(ref)}/jobs/${job}` : jobPath(job)}/retry`, { method: "PUT" }, token);
const message = async (response: Response) => ((await response.json()) as { message: string }).message;
const buildJobs = async (ref: JobFixture, query = "") =>
  ((await (await h.rest(`${buildPath(ref)}${query}`)).json()) as { state: string; jobs: RestJob[] }).jobs;

describe("PUT …/jobs/{id}/retry", () => {
  it("returns the new job, scheduled in the same build, and marks the old one retried", async () => {
    const response = await retry(fx.failedJob);
    expect(response.status).toBe(200);
    const fresh = (await response.json()) as RestJob;
    expect(fresh.id).not.toBe(fx.failedJob.jobId);
    expect(fresh).toMatchObject({
      state: "scheduled",
      name: ":jest: Unit tests",
      step_key: "unit",
      retried: false,
      retries_count: 1,
      retry_source: { job_id: fx.failedJob.jobId, retry_type: "manual" },
    });

    const withRetried = await buildJobs(fx.failedJob, "?include_retried_jobs=true");
    const old = withRetried.find((job) => job.id === fx.failedJob.jobId);
    expect(old).toMatchObject({ retried: true, retried_in_job_id: fresh.id, state: "failed" });
    expect(withRetried.map((job) => job.id)).toContain(fresh.id);
    // By default a build lists only the latest attempt of each job.
    const latest = await buildJobs(fx.failedJob);
    expect(latest.map((job) => job.id)).toContain(fresh.id);
    expect(latest.map((job) => job.id)).not.toContain(fx.failedJob.jobId);
    const build = (await (await h.rest(buildPath(fx.failedJob))).json()) as {
      state: string;
      finished_at: string | null;
    };
    expect(build).toMatchObject({ state: "running", finished_at: null });
  });

  it("lists the retry in the Stacks API's scheduled jobs for its queue, same id", async () => {
    const fresh = (await (await retry(fx.failedJob)).json()) as RestJob;
    expect(await h.listIds()).toContain(fresh.id);
    const env = (
      (await (await h.api(`/stacks/stack-console/jobs/${fresh.id}`)).json()) as { env: Record<string, string> }
    ).env;
    expect(env).toMatchObject({ BUILDKITE_JOB_ID: fresh.id, BUILDKITE_RETRY_COUNT: "1" });
    // Finishing the retry through the Stacks API finishes the build, judged by the latest attempts only.
    await h.api(`/stacks/stack-console/jobs/${fresh.id}/finish`, {
      method: "POST",
      body: JSON.stringify({ detail: "gave up", exit_status: 0 }),
    });
    const build = (await (await h.rest(buildPath(fx.failedJob))).json()) as { state: string };
    expect(build.state).toBe("passed");
  });

  it("retries each job id once: the old id then answers 400, the new one can be retried once it fails", async () => {
    const fresh = (await (await retry(fx.failedJob)).json()) as RestJob;
    const again = await retry(fx.failedJob);
    expect(again.status).toBe(400);
    expect(await message(again)).toMatch(/already been retried/);
    const scheduled = await retry(fresh.id);
    expect(scheduled.status).toBe(400);
    expect(await message(scheduled)).toBe("Only failed, timed out or canceled jobs can be retried");
  });

  it("retries timed-out and soft-failed jobs", async () => {
    expect((await retry(fx.timedOutJob)).status).toBe(200);
    expect((await retry(fx.softFailedJob)).status).toBe(200);
  });

  it("refuses passed, waiting and non-script jobs with 400", async () => {
    for (const job of [fx.passedJob, fx.waiterJob, fx.manualJob, fx.triggerJob, fx.scheduledJob]) {
      const response = await retry(job);
      expect(response.status).toBe(400);
      expect(await message(response)).toBe("Only failed, timed out or canceled jobs can be retried");
    }
  });

  it("refuses jobs of a canceled build with 422", async () => {
    const response = await retry(fx.canceledBuildJob);
    expect(response.status).toBe(422);
    expect(await message(response)).toMatch(/canceled build/);
  });

  it("needs write_builds: the read-only token gets 403 and nothing changes", async () => {
    const response = await retry(fx.failedJob, h.sim.apiReadOnlyToken);
    expect(response.status).toBe(403);
    expect(await message(response)).toBe("Your access token doesn't have the write_builds scope");
    expect((await buildJobs(fx.failedJob)).find((job) => job.id === fx.failedJob.jobId)?.retried).toBe(false);
  });

  it("answers 404 for a job of another build", async () => {
    const response = await retry(fx.timedOutJob.jobId, undefined, fx.failedJob);
    expect(response.status).toBe(404);
  });

  it("is undone by /__sim/reset", async () => {
    const fresh = (await (await retry(fx.failedJob)).json()) as RestJob;
    await h.control("reset");
    expect(await h.listIds()).not.toContain(fresh.id);
    expect((await buildJobs(fx.failedJob)).find((job) => job.id === fx.failedJob.jobId)?.retried).toBe(false);
    expect((await retry(fx.failedJob)).status).toBe(200);
  });
});
