import "server-only";
import { retryResultSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { toBuildJob } from "../buildkite/build-records";
import { buildJobInput, jobRef, echoOrg } from "../builds/build-inputs";

export const jobsRetry = defineCommand({
  name: "jobs.retry",
  permission: "jobs.write",
  echoDefaults: echoOrg,
  output: retryResultSchema,
  params: buildJobInput,
  async run({ params }, { runtime, signal }) {
    const { client, reads, ref } = jobRef(runtime, params);
    const result = await client
      .retryJob(ref, { signal })
      .finally(() => reads.invalidateBuild(ref.org, ref.pipeline, ref.build));
    const job = toBuildJob(result.data);
    return { data: { job }, raw: result.raw, summary: { retried: true, jobId: job.id, state: job.state } };
  },
});
