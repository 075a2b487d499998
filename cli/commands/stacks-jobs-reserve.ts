import { z } from "zod";
import { jobIdListInput, RESERVATION_EXPIRY_MAX_SECONDS } from "@/lib/inputs/stacks";
import { defineCommand } from "../command";
import { fields } from "../options";
import { stackKeyField, stackOptions } from "./stacks-options";

export const stacksJobsReserve = defineCommand({
  name: "stacks.jobs.reserve",
  description: "reserve scheduled jobs for this stack so no other stack takes them (Stacks API)",
  options: [
    stackOptions.stackKey,
    { ...stackOptions.jobId, description: "a job to reserve (repeatable)", repeatable: true },
    {
      flags: "--expiry-seconds <n>",
      description: `how long the reservation holds, 1-${RESERVATION_EXPIRY_MAX_SECONDS} (Buildkite's default when left out)`,
    },
  ],
  raw: true,
  input: z.object({
    ...stackKeyField,
    jobId: z.array(z.string()).default([]).pipe(jobIdListInput),
    expirySeconds: fields.count("a number of seconds", { min: 1, max: RESERVATION_EXPIRY_MAX_SECONDS }).optional(),
  }),
  request: (input) => ({ stackKey: input.stackKey, jobIds: input.jobId, expirySeconds: input.expirySeconds ?? null }),
  async run(input, context) {
    const result = await context
      .stacks()
      .reserveJobs({ stackKey: input.stackKey, jobIds: input.jobId, expirySeconds: input.expirySeconds });
    const { reserved, notReserved } = result.data;
    return {
      summary: { reserved: reserved.length, notReserved: notReserved.length },
      data: context.raw ? result.raw : { reserved, notReserved },
    };
  },
});
