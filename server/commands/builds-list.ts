import "server-only";
import { wholeNumberText } from "@/lib/inputs/numbers";
import { buildSummarySchema } from "@/lib/schemas/builds";
import { z } from "zod";
import { buildStates, countBuildStates } from "@/lib/build-states";
import { pageNumberPagination } from "@/lib/contract/pagination";
import { defineCommand } from "../route-kit/command";
import { toBuildSummary } from "../buildkite/build-records";
import { pipelineSlugInput, restAccess, echoOrg } from "../builds/build-inputs";

const DEFAULT_PER_PAGE = 30;
/** Buildkite refuses to list builds past this offset; the console says so without asking. */
const MAX_BUILD_OFFSET = 10_000;

const buildsListInput = z
  .object({
    pipeline: pipelineSlugInput.optional(),
    branch: z.string().min(1).max(255).optional(),
    state: z.enum(buildStates, `must be one of ${buildStates.join(", ")}`).optional(),
    creator: z.string().min(1).max(255).optional(),
    commit: z
      .string()
      .regex(/^[0-9a-f]{40}$/i, "must be a full 40-character commit SHA")
      .optional(),
    page: wholeNumberText("a page number", { min: 1, max: 10_000 }).default(1),
    perPage: wholeNumberText("a page size", { min: 1, max: 100 }).default(DEFAULT_PER_PAGE),
  })
  .refine((query) => (query.page - 1) * query.perPage < MAX_BUILD_OFFSET, {
    message: `reaches past the first ${MAX_BUILD_OFFSET} builds; narrow the list with filters instead`,
    path: ["page"],
  });

export const buildsList = defineCommand({
  name: "builds.list",
  permission: "read",
  // The contract echoes every filter, null when not given.
  echoDefaults: (runtime) => ({ ...echoOrg(runtime), pipeline: null, branch: null, state: null }),
  output: z.array(buildSummarySchema),
  query: buildsListInput,
  async run({ query }, { runtime }) {
    const { client, org, reads } = restAccess(runtime);
    const scope = query.pipeline === undefined ? { org } : { org, pipeline: query.pipeline };
    const filters = {
      branch: query.branch,
      state: query.state,
      creator: query.creator,
      commit: query.commit,
      page: query.page,
      perPage: query.perPage,
      excludeJobs: true,
    };
    const result = await reads.read(reads.listKey([scope, filters]), () => client.listBuilds(scope, filters));
    const builds = result.data.map((build) => toBuildSummary(build, query.pipeline));
    const pagination = pageNumberPagination(query, result);
    return {
      data: builds,
      raw: result.raw,
      pagination,
      summary: { count: builds.length, states: countBuildStates(builds) },
    };
  },
});
