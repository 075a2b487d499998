import { describe, expect, it } from "vitest";
import { countJobsByState, isFailedJob } from "@/lib/build-jobs";
import { job, waiter } from "../components/builds/fixtures";

describe("countJobsByState and isFailedJob", () => {
  const jobs = [
    job("11111111-0000-4000-8000-000000000001", { state: "passed" }),
    job("22222222-0000-4000-8000-000000000002", { state: "failed", exitStatus: "1" }),
    job("33333333-0000-4000-8000-000000000003", { state: "failed", exitStatus: "1", softFailed: true }),
    job("44444444-0000-4000-8000-000000000004", {
      state: "failed",
      exitStatus: "1",
      retried: true,
      retriedInJobId: "55555555-0000-4000-8000-000000000005",
    }),
    job("55555555-0000-4000-8000-000000000005", {
      state: "running",
      retriesCount: 1,
      retrySource: { jobId: "44444444-0000-4000-8000-000000000004", retryType: "manual" },
    }),
    waiter("99999999-0000-4000-8000-000000000009"),
  ];

  it("counts as failed exactly the jobs listed first as failed: soft failures and retried attempts apart", () => {
    const counts = countJobsByState(jobs);
    expect(counts).toEqual({ passed: 1, failed: 1, soft_failed: 1, retried: 1, running: 1 });
    expect(jobs.filter(isFailedJob).map((candidate) => candidate.id)).toEqual(["22222222-0000-4000-8000-000000000002"]);
  });

  it("keeps the base counts it is given", () => {
    expect(countJobsByState([], { failed: 0, passed: 0 })).toEqual({ failed: 0, passed: 0 });
  });
});
