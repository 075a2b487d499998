import "server-only";
import { z } from "zod";
import { buildNumberInput } from "@/lib/inputs/numbers";
import { jobIdInput } from "@/lib/inputs/stacks";
import { pipelineSlugInput } from "@/lib/inputs/builds";
import { ConsoleError } from "../route-kit/console-error";
import type { RestAccess, Runtime } from "../runtime";

// Inputs naming builds, jobs and artifacts, checked before any REST call.

export { artifactIdInput, pipelineSlugInput } from "@/lib/inputs/builds";

export const buildInput = z.object({ pipeline: pipelineSlugInput, buildNumber: buildNumberInput });
export const buildJobInput = buildInput.extend({ jobId: jobIdInput });

/** The REST API, or an error the operator can act on: the console has no REST token or organization. */
export function restAccess(runtime: Runtime): RestAccess {
  if (runtime.rest !== null) return runtime.rest;
  throw new ConsoleError(
    "permission_error",
    "The console has no Buildkite REST API token and organization (BUILDKITE_API_TOKEN, BUILDKITE_ORG), so builds, logs and artifacts are unavailable.",
    "rest_unconfigured",
    { source: "console" },
  );
}

/** The contract's `request` names the organization of every REST command; null when the console has none. */
export const echoOrg = (runtime: Runtime) => ({ org: runtime.rest?.org ?? null });

export function buildRef(runtime: Runtime, params: { pipeline: string; buildNumber: number }) {
  const { client, org, reads } = restAccess(runtime);
  const ref = { org, pipeline: params.pipeline, build: params.buildNumber };
  return {
    client,
    reads,
    ref,
    cacheKey: (...parts: unknown[]) => reads.buildKey(org, ref.pipeline, ref.build) + JSON.stringify(parts),
  };
}

export function jobRef(runtime: Runtime, params: { pipeline: string; buildNumber: number; jobId: string }) {
  const { client, reads, ref } = buildRef(runtime, params);
  return { client, reads, ref: { ...ref, job: params.jobId } };
}
