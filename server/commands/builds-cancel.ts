import "server-only";
import { buildResultSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { toBuildSummary } from "../builds/build-records";
import { buildInput, buildRef, echoOrg } from "../builds/build-inputs";
import { needingScope } from "../builds/scope-refusal";

export const buildsCancel = defineCommand({
  name: "builds.cancel",
  permission: "jobs.write",
  echoDefaults: echoOrg,
  output: buildResultSchema,
  params: buildInput,
  async run({ params }, { runtime, signal }) {
    const { client, reads, ref } = buildRef(runtime, params);
    // Read again even after a failure: a cancel that timed out may still have landed.
    const result = await needingScope("write_builds", () => client.cancelBuild(ref, { signal })).finally(() =>
      reads.invalidateBuild(ref.org, ref.pipeline, ref.build),
    );
    const build = toBuildSummary(result.data, params.pipeline);
    return {
      data: { build },
      raw: result.raw,
      summary: { canceled: true, buildNumber: build.number, state: build.state },
    };
  },
});
