import "server-only";
import { z } from "zod";
import { jobIdInput } from "@/lib/inputs/stacks";
import { jobEnvResultSchema } from "@/lib/schemas/builds";
import type { ApiResult } from "../buildkite/http";
import { defineCommand } from "../route-kit/command";
import { buildJobInput, echoOrg, jobRef, restAccess } from "../builds/build-inputs";
import { needingScope } from "../builds/scope-refusal";
import { redactSecretEnv } from "../buildkite/secret-env";

// A job's env from the REST API, with the same values hidden as the Stacks API's jobs.get hides: by the
// job's build, or by its id alone for a job the Stacks API no longer lists (its build is not known there).

async function envOutput(jobId: string, read: () => Promise<ApiResult<Record<string, string>>>) {
  const result = await needingScope("read_job_env", read);
  const { env, redacted } = redactSecretEnv(result.data);
  const raw = result.raw as Record<string, unknown>;
  return {
    data: { jobId, env },
    raw: { ...raw, env },
    summary: { count: Object.keys(env).length, redactedEnv: redacted },
  };
}

export const jobsEnvGet = defineCommand({
  name: "jobs.env.get",
  permission: "read",
  echoDefaults: echoOrg,
  output: jobEnvResultSchema,
  params: buildJobInput,
  run({ params }, { runtime, signal }) {
    const { client, ref } = jobRef(runtime, params);
    return envOutput(params.jobId, () => client.jobEnv(ref, { signal }));
  },
});

/**
 * Not the contract's jobs.env.get, whose request names the job's build: the stack drawer knows only the
 * job's id, so this one asks Buildkite by id alone and echoes only that.
 */
export const jobsEnvLookup = defineCommand({
  name: "jobs.env.lookup",
  permission: "read",
  echoDefaults: echoOrg,
  output: jobEnvResultSchema,
  params: z.object({ jobId: jobIdInput }),
  run({ params }, { runtime, signal }) {
    const { client, org } = restAccess(runtime);
    return envOutput(params.jobId, () => client.orgJobEnv(org, params.jobId, { signal }));
  },
});
