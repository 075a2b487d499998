import { z } from "zod";
import { defineCommand } from "../command";
import { jobFields, jobOptions, jobRef, jobRequest } from "../options";
import { toContractJob } from "../records";

export const jobsRetry = defineCommand({
  name: "jobs.retry",
  description: "retry a failed, timed-out or canceled job (needs write_builds); prints the new job",
  options: jobOptions,
  raw: true,
  input: z.object(jobFields),
  request: jobRequest,
  async run(input, context) {
    const result = await (await context.rest()).retryJob(jobRef(input));
    const job = toContractJob(result.data);
    return {
      summary: { retried: true, jobId: job.id, state: job.state },
      data: context.raw ? result.raw : { job },
    };
  },
});
