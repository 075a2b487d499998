import { z } from "zod";
import { pipelineSlugInput } from "@/lib/inputs/builds";
import { buildNumberInput, wholeNumberText } from "@/lib/inputs/numbers";
import { jobIdInput } from "@/lib/inputs/stacks";
import type { OptionSpec } from "./command";

// Flags several commands share, and the zod fields that read them (commander hands over text).

const orgSlug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "must be an organization slug");

/** A text flag that must be given: missing says "is required", anything else the schema's own words. */
export const required = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .superRefine((value, context) => {
      if (value === undefined) context.addIssue({ code: "custom", message: "is required" });
    })
    .pipe(schema);

export const fields = {
  org: required(orgSlug),
  optionalOrg: orgSlug.optional(),
  pipeline: required(pipelineSlugInput),
  buildNumber: required(buildNumberInput),
  jobId: required(jobIdInput),
  optionalJobId: jobIdInput.optional(),
  count: (what: string, range: { min: number; max: number }) => wholeNumberText(what, range),
};

export const options = {
  org: {
    flags: "--org <slug>",
    description: "organization slug (default: $BUILDKITE_ORG, then the org stored by auth.setup)",
  },
  pipeline: { flags: "--pipeline <slug>", description: "pipeline slug" },
  buildNumber: { flags: "--build-number <n>", description: "build number" },
  jobId: { flags: "--job-id <uuid>", description: "job id" },
} satisfies Record<string, OptionSpec>;

export const buildOptions = [options.org, options.pipeline, options.buildNumber];
export const jobOptions = [...buildOptions, options.jobId];

export const buildFields = { org: fields.org, pipeline: fields.pipeline, buildNumber: fields.buildNumber };
export const jobFields = { ...buildFields, jobId: fields.jobId };

export interface BuildInput {
  org: string;
  pipeline: string;
  buildNumber: number;
}
export interface JobInput extends BuildInput {
  jobId: string;
}

/** The REST client's names for a build or a job. */
export const buildRef = (input: BuildInput) => ({ org: input.org, pipeline: input.pipeline, build: input.buildNumber });
export const jobRef = (input: JobInput) => ({ ...buildRef(input), job: input.jobId });

export const buildRequest = (input: BuildInput) => ({
  org: input.org,
  pipeline: input.pipeline,
  buildNumber: input.buildNumber,
});
export const jobRequest = (input: JobInput) => ({ ...buildRequest(input), jobId: input.jobId });
