import "server-only";
import type { ApiResult } from "../buildkite/http";
import type { BuildRef, RestBuild, RestClient } from "../buildkite/rest";
import type { Runtime } from "../runtime";
import { buildRef } from "./build-inputs";
import { toBuildSummary } from "../buildkite/build-records";
import { needingScope } from "./scope-refusal";

/**
 * A write to one build (cancel, rebuild) that answers with a build. The build's shared reads are dropped
 * whatever happens: a write that failed on the way back may still have landed.
 */
export async function writeBuild(
  runtime: Runtime,
  params: { pipeline: string; buildNumber: number },
  write: (client: RestClient, ref: BuildRef) => Promise<ApiResult<RestBuild>>,
) {
  const { client, reads, ref } = buildRef(runtime, params);
  const result = await needingScope("write_builds", () => write(client, ref)).finally(() =>
    reads.invalidateBuild(ref.org, ref.pipeline, ref.build),
  );
  return { build: toBuildSummary(result.data, params.pipeline), raw: result.raw };
}
