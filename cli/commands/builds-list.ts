import { z } from "zod";
import { buildStates, countBuildStates } from "@/lib/build-states";
import { pageNumberPagination } from "@/lib/contract/pagination";
import { pipelineSlugInput } from "@/lib/inputs/builds";
import { wholeNumberText } from "@/lib/inputs/numbers";
import { defineCommand } from "../command";
import { fields, options } from "../options";
import { toBuildListItem } from "../records";

const DEFAULT_PER_PAGE = 30;

export const buildsList = defineCommand({
  name: "builds.list",
  description: "list builds, newest first: of every organization the token sees, of --org, or of --org --pipeline",
  options: [
    options.org,
    { flags: "--pipeline <slug>", description: "only this pipeline's builds (needs an org)" },
    { flags: "--branch <name>", description: "only builds of this branch" },
    { flags: "--state <state>", description: `only builds in this state: ${buildStates.join(", ")}` },
    { flags: "--page <n>", description: "page number (default 1)" },
    { flags: "--per-page <n>", description: `builds per page, 1-100 (default ${DEFAULT_PER_PAGE})` },
  ],
  raw: true,
  input: z
    .object({
      org: fields.optionalOrg,
      pipeline: pipelineSlugInput.optional(),
      branch: z.string().min(1).max(255).optional(),
      state: z.enum(buildStates, `must be one of ${buildStates.join(", ")}`).optional(),
      page: wholeNumberText("a page number", { min: 1, max: 10_000 }).default(1),
      perPage: wholeNumberText("a page size", { min: 1, max: 100 }).default(DEFAULT_PER_PAGE),
    })
    .refine((input) => input.pipeline === undefined || input.org !== undefined, {
      message: "is required with --pipeline (or set BUILDKITE_ORG)",
      path: ["org"],
    }),
  request: (input) => ({
    org: input.org ?? null,
    pipeline: input.pipeline ?? null,
    branch: input.branch ?? null,
    state: input.state ?? null,
    page: input.page,
    perPage: input.perPage,
  }),
  async run(input, context) {
    const scope =
      input.org === undefined
        ? {}
        : input.pipeline === undefined
          ? { org: input.org }
          : { org: input.org, pipeline: input.pipeline };
    const filters = {
      branch: input.branch,
      state: input.state,
      page: input.page,
      perPage: input.perPage,
      excludeJobs: true,
    };
    const result = await (await context.rest()).listBuilds(scope, filters);
    const builds = result.data.map((build) => toBuildListItem(build, input.pipeline ?? null));
    const pagination = pageNumberPagination(input, result);
    return {
      summary: { count: builds.length, states: countBuildStates(builds) },
      data: context.raw ? result.raw : builds,
      pagination,
    };
  },
});
