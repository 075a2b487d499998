import { z } from "zod";
import { MAX_UNBLOCK_FIELDS, unblockFieldKeyInput, unblockFieldValueInput } from "@/lib/inputs/builds";
import { redactSecretEnv } from "@/server/buildkite/secret-env";
import { defineCommand } from "../command";
import { jobFields, jobOptions, jobRef, jobRequest } from "../options";
import { toContractJob } from "../records";

/** `--field release=v1.2` → `["release", "v1.2"]`; the value may itself hold `=`. */
const fieldInput = z
  .string()
  .regex(/^[^=]+=/, "must be key=value")
  .transform((text) => {
    const at = text.indexOf("=");
    return [text.slice(0, at), text.slice(at + 1)] as const;
  })
  .pipe(z.tuple([unblockFieldKeyInput, unblockFieldValueInput]));

export const jobsUnblock = defineCommand({
  name: "jobs.unblock",
  description: "unblock a block step, with its fields as --field key=value (needs write_builds)",
  options: [
    ...jobOptions,
    { flags: "--field <key=value>", description: "a field of the block step (repeatable)", repeatable: true },
  ],
  raw: true,
  input: z.object({
    ...jobFields,
    field: z
      .array(fieldInput)
      .max(MAX_UNBLOCK_FIELDS, `must be given at most ${MAX_UNBLOCK_FIELDS} times`)
      .default([])
      .transform((pairs) => Object.fromEntries(pairs)),
  }),
  request: (input) => ({ ...jobRequest(input), fields: input.field }),
  async run(input, context) {
    const result = await (await context.rest()).unblockJob(jobRef(input), input.field);
    const job = toContractJob(result.data);
    return {
      summary: { unblocked: true, jobId: job.id, state: job.state },
      data: context.raw ? result.raw : { job },
    };
  },
});

export const jobsEnvGet = defineCommand({
  name: "jobs.env.get",
  description:
    "show a job's environment (needs read_job_env); values of secret-looking names (*_TOKEN, *_SECRET, …) are hidden",
  options: jobOptions,
  raw: true,
  input: z.object(jobFields),
  request: jobRequest,
  async run(input, context) {
    const result = await (await context.rest()).jobEnv(jobRef(input));
    // The same names the console hides: an env pasted into a ticket or an LLM must not carry credentials.
    const { env, redacted } = redactSecretEnv(result.data);
    const raw = typeof result.raw === "object" && result.raw !== null ? { ...result.raw, env } : { env };
    return {
      summary: { count: Object.keys(env).length, redacted },
      data: context.raw ? raw : { jobId: input.jobId, env },
    };
  },
});
