import "server-only";
import { z } from "zod";
import { buildNumberInput } from "@/lib/inputs/numbers";
import { jobIdInput } from "@/lib/inputs/stacks";
import { pipelineSlugInput } from "@/lib/inputs/builds";
import { ConsoleError } from "../route-kit/console-error";
import type { RestAccess, Runtime } from "../runtime";

// Inputs naming builds, jobs and artifacts, checked before any REST call.

export { artifactIdInput, pipelineSlugInput } from "@/lib/inputs/builds";

export const buildInput = z.object({ pipeline: pipelineSlugInput, number: buildNumberInput });
export const buildJobInput = buildInput.extend({ id: jobIdInput });

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

export function buildRef(runtime: Runtime, params: { pipeline: string; number: number }) {
  const { client, org, reads } = restAccess(runtime);
  const ref = { org, pipeline: params.pipeline, build: params.number };
  return {
    client,
    reads,
    ref,
    cacheKey: (...parts: unknown[]) => reads.buildKey(org, ref.pipeline, ref.build) + JSON.stringify(parts),
  };
}

export function jobRef(runtime: Runtime, params: { pipeline: string; number: number; id: string }) {
  const { client, reads, ref } = buildRef(runtime, params);
  return { client, reads, ref: { ...ref, job: params.id } };
}
