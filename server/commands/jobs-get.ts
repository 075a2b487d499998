import "server-only";
import { jobDetailSchema } from "@/lib/schemas/jobs";
import { defineCommand } from "../route-kit/command";
import { redactSecretEnv } from "../buildkite/secret-env";
import { stackJobInput } from "../stacks/stack-inputs";

export const jobsGet = defineCommand({
  name: "jobs.get",
  permission: "read",
  output: jobDetailSchema,
  params: stackJobInput,
  async run({ params }, { runtime, signal }) {
    const result = await runtime.stacks.getJob({ stackKey: params.key, jobId: params.jobId }, { signal });
    const { env, redacted } = redactSecretEnv(result.data.env);
    const job = { ...result.data, env };
    return {
      data: job,
      // Raw mode is Buildkite's JSON as it came, with the same values hidden.
      raw: { ...(result.raw as Record<string, unknown>), env },
      summary: {
        envCount: Object.keys(env).length,
        redactedEnv: redacted,
        commandBytes: Buffer.byteLength(job.command),
      },
    };
  },
});
