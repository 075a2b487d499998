import "server-only";
import { defineCommand } from "../command";
import { isFailedJob } from "@/lib/build-jobs";
import { buildJobView, buildSummaryView, jobCounts } from "./build-views";
import { buildParams, buildRef } from "./rest-inputs";

export const buildsGet = defineCommand({
  name: "builds.get",
  permission: "read",
  params: buildParams,
  async run({ params }, { runtime }) {
    const { client, reads, ref, cacheKey } = buildRef(runtime, params);
    const result = await reads.read(cacheKey("build"), () => client.getBuild(ref));
    const jobs = (result.data.jobs ?? []).map(buildJobView);
    return {
      data: { build: buildSummaryView(result.data, params.pipeline), jobs },
      raw: result.raw,
      summary: { jobCounts: jobCounts(jobs), failedJobIds: jobs.filter(isFailedJob).map((job) => job.id) },
    };
  },
});
