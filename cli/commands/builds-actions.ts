import { z } from "zod";
import type { RestBuild } from "@/server/buildkite/rest";
import { defineCommand } from "../command";
import { buildFields, buildOptions, buildRef, buildRequest, fields, options, required } from "../options";
import { toContractBuild } from "../records";

// builds.create, builds.rebuild and builds.cancel: each needs write_builds, and each is sent once (a lost
// answer may hide a build that was started, so bkci never starts a second one on its own).

const buildResult = (build: RestBuild, raw: unknown, useRaw: boolean, flag: "created" | "rebuilt" | "canceled") => ({
  summary: { [flag]: true, buildNumber: build.number, state: build.state },
  data: useRaw ? raw : { build: toContractBuild(build) },
});

export const buildsCreate = defineCommand({
  name: "builds.create",
  description: "start a build of a pipeline at a commit and branch (needs write_builds)",
  options: [
    options.org,
    options.pipeline,
    { flags: "--commit <ref>", description: "the commit to build: a SHA, or HEAD for the branch's head" },
    { flags: "--branch <name>", description: "the branch the build belongs to" },
    { flags: "--message <text>", description: "the build's message (default: the commit's)" },
  ],
  raw: true,
  input: z.object({
    org: fields.org,
    pipeline: fields.pipeline,
    commit: required(z.string().trim().min(1, "must not be empty").max(255)),
    branch: required(z.string().trim().min(1, "must not be empty").max(255)),
    message: z.string().max(10_000).optional(),
  }),
  request: (input) => ({
    org: input.org,
    pipeline: input.pipeline,
    commit: input.commit,
    branch: input.branch,
    message: input.message ?? null,
  }),
  async run(input, context) {
    const { org, pipeline, ...build } = input;
    const result = await (await context.rest()).createBuild(org, pipeline, build);
    return buildResult(result.data, result.raw, context.raw, "created");
  },
});

export const buildsRebuild = defineCommand({
  name: "builds.rebuild",
  description: "run a build again as a new build of the same commit (needs write_builds); prints the new build",
  options: buildOptions,
  raw: true,
  input: z.object(buildFields),
  request: buildRequest,
  async run(input, context) {
    const result = await (await context.rest()).rebuildBuild(buildRef(input));
    return buildResult(result.data, result.raw, context.raw, "rebuilt");
  },
});

export const buildsCancel = defineCommand({
  name: "builds.cancel",
  description: "cancel a scheduled, running or failing build (needs write_builds)",
  options: buildOptions,
  raw: true,
  input: z.object(buildFields),
  request: buildRequest,
  async run(input, context) {
    const result = await (await context.rest()).cancelBuild(buildRef(input));
    return buildResult(result.data, result.raw, context.raw, "canceled");
  },
});
