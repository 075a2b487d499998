import { z } from "zod";
import { exitStatusInput, finishDetailInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../command";
import { fields, required } from "../options";
import { signedNumberText, stackKeyField, stackOptions } from "./stacks-options";

export const stacksJobsFinish = defineCommand({
  name: "stacks.jobs.finish",
  description: "finish a reserved job with an exit status and a reason shown on its build (Stacks API)",
  options: [
    stackOptions.stackKey,
    stackOptions.jobId,
    { flags: "--exit-status <n>", description: "the job's exit status (non-zero fails it)" },
    { ...stackOptions.detail, description: "why, shown on the build page (at most 4096 bytes)" },
  ],
  input: z.object({
    ...stackKeyField,
    jobId: fields.jobId,
    exitStatus: required(signedNumberText.pipe(exitStatusInput)),
    detail: required(finishDetailInput),
  }),
  request: (input) => ({
    stackKey: input.stackKey,
    jobId: input.jobId,
    exitStatus: input.exitStatus,
    detail: input.detail,
  }),
  async run(input, context) {
    await context.stacks().finishJob(input, { noRetry: true });
    return { summary: { finished: true }, data: { jobId: input.jobId, exitStatus: input.exitStatus } };
  },
});
