import "server-only";
import { unblockBodyInput } from "@/lib/inputs/builds";
import { unblockResultSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { toBuildJob } from "../buildkite/build-records";
import { buildJobInput, echoOrg, jobRef } from "../builds/build-inputs";
import { needingScope } from "../builds/scope-refusal";

export const jobsUnblock = defineCommand({
  name: "jobs.unblock",
  permission: "jobs.write",
  echoDefaults: echoOrg,
  output: unblockResultSchema,
  params: buildJobInput,
  body: unblockBodyInput,
  async run({ params, body }, { runtime, signal }) {
    const { client, reads, ref } = jobRef(runtime, params);
    const result = await needingScope("write_builds", () => client.unblockJob(ref, body.fields, { signal })).finally(
      () => reads.invalidateBuild(ref.org, ref.pipeline, ref.build),
    );
    const job = toBuildJob(result.data);
    return {
      data: { job },
      raw: result.raw,
      summary: { unblocked: true, jobId: job.id, state: job.state, fields: Object.keys(body.fields).length },
    };
  },
});
