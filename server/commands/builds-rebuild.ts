import "server-only";
import { buildResultSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { toBuildSummary } from "../builds/build-records";
import { buildInput, buildRef, echoOrg } from "../builds/build-inputs";
import { needingScope } from "../builds/scope-refusal";

export const buildsRebuild = defineCommand({
  name: "builds.rebuild",
  permission: "jobs.write",
  echoDefaults: echoOrg,
  output: buildResultSchema,
  params: buildInput,
  async run({ params }, { runtime, signal }) {
    const { client, reads, ref } = buildRef(runtime, params);
    // The old build now names its rebuild, and every list gains the new build.
    const result = await needingScope("write_builds", () => client.rebuildBuild(ref, { signal })).finally(() =>
      reads.invalidateBuild(ref.org, ref.pipeline, ref.build),
    );
    const build = toBuildSummary(result.data, params.pipeline);
    return {
      data: { build },
      raw: result.raw,
      status: 201,
      summary: { rebuilt: true, rebuiltFrom: params.buildNumber, buildNumber: build.number, state: build.state },
    };
  },
});
