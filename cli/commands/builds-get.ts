import { z } from "zod";
import { isFailedJob } from "@/lib/build-jobs";
import { jobCounts, toBuildJob } from "@/server/buildkite/build-records";
import { defineCommand } from "../command";
import { buildFields, buildOptions, buildRef, buildRequest } from "../options";
import { isWaiter, toContractBuild, toContractJob } from "../records";

export const buildsGet = defineCommand({
  name: "builds.get",
  description: "show one build with its jobs, job counts by state and the failed jobs' ids",
  options: buildOptions,
  raw: true,
  input: z.object(buildFields),
  request: buildRequest,
  async run(input, context) {
    const result = await (await context.rest()).getBuild(buildRef(input));
    const restJobs = result.data.jobs ?? [];
    // The console's own counting, so bkci and the build page agree on what failed.
    const buildJobs = restJobs.map(toBuildJob);
    const summary = {
      jobCounts: jobCounts(buildJobs),
      failedJobIds: buildJobs.filter(isFailedJob).map((job) => job.id),
    };
    const data = {
      build: toContractBuild(result.data),
      jobs: restJobs.filter((job) => !isWaiter(job)).map(toContractJob),
    };
    return { summary, data: context.raw ? result.raw : data };
  },
});
