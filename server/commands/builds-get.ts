import "server-only";
import { buildDetailSchema } from "@/lib/schemas/builds";
import { isFailedJob } from "@/lib/build-jobs";
import { defineCommand } from "../route-kit/command";
import { toBuildJob, toBuildSummary, jobCounts } from "../buildkite/build-records";
import { buildInput, buildRef, echoOrg } from "../builds/build-inputs";

export const buildsGet = defineCommand({
  name: "builds.get",
  permission: "read",
  echoDefaults: echoOrg,
  output: buildDetailSchema,
  params: buildInput,
  async run({ params }, { runtime }) {
    const { client, reads, ref, cacheKey } = buildRef(runtime, params);
    const result = await reads.read(cacheKey("build"), () => client.getBuild(ref));
    const jobs = (result.data.jobs ?? []).map(toBuildJob);
    return {
      data: { build: toBuildSummary(result.data, params.pipeline), jobs },
      raw: result.raw,
      summary: { jobCounts: jobCounts(jobs), failedJobIds: jobs.filter(isFailedJob).map((job) => job.id) },
    };
  },
});
