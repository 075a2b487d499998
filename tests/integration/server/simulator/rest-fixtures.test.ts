import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobPath, startHarness, type Harness } from "./sim-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sim.close());

describe("GET /__sim/fixtures", () => {
  it("names the showcase jobs, builds and artifacts with their pipelines, numbers and sizes", async () => {
    const fx = await h.fixtures();
    const job = {
      pipeline: expect.any(String),
      buildNumber: expect.any(Number),
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    };
    for (const name of [
      "largeLog",
      "colourLog",
      "growingLog",
      "failedJob",
      "softFailedJob",
      "timedOutJob",
      "canceledBuildJob",
      "passedJob",
      "scheduledJob",
    ] as const) {
      expect(fx[name]).toEqual({ ...job, bytes: expect.any(Number) });
    }
    for (const name of ["waiterJob", "manualJob", "triggerJob"] as const) expect(fx[name]).toEqual(job);
    expect(fx.largeLog).toMatchObject({ pipeline: "web" });
    expect(fx.largeLog.bytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    expect(fx.scheduledJob.bytes).toBe(0);
    for (const name of ["largeArtifact", "smallArtifact", "imageArtifact", "junitArtifact"] as const) {
      expect(fx[name]).toEqual({
        ...job,
        artifactId: expect.any(String),
        path: expect.any(String),
        bytes: expect.any(Number),
        sha1: expect.stringMatching(/^[0-9a-f]{40}$/),
      });
    }
    expect(fx.largeArtifact.bytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const build = (await (await h.rest(`${jobPath(fx.largeLog).split("/jobs/")[0]}`)).json()) as {
      jobs: { id: string; name: string }[];
    };
    expect(build.jobs.find((candidate) => candidate.id === fx.largeLog.jobId)?.name).toBe(
      ":jest: Unit tests (verbose)",
    );
  });

  it("stays the same across a reset", async () => {
    const before = await h.fixtures();
    await h.control("reset");
    const after = await h.fixtures();
    expect({ ...after, growingLog: null }).toEqual({ ...before, growingLog: null });
  });
});
