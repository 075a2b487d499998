import "server-only";
import { buildResultSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { buildInput, echoOrg } from "../builds/build-inputs";
import { writeBuild } from "../builds/build-write";

export const buildsRebuild = defineCommand({
  name: "builds.rebuild",
  permission: "jobs.write",
  echoDefaults: echoOrg,
  output: buildResultSchema,
  params: buildInput,
  async run({ params }, { runtime, signal }) {
    // The answer is the new build; the old one's reads are dropped as it now names its rebuild.
    const { build, raw } = await writeBuild(runtime, params, (client, ref) => client.rebuildBuild(ref, { signal }));
    return {
      data: { build },
      raw,
      status: 201,
      summary: { rebuilt: true, rebuiltFrom: params.buildNumber, buildNumber: build.number, state: build.state },
    };
  },
});
