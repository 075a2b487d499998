import "server-only";
import { buildResultSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { buildInput, echoOrg } from "../builds/build-inputs";
import { writeBuild } from "../builds/build-write";

export const buildsCancel = defineCommand({
  name: "builds.cancel",
  permission: "jobs.write",
  echoDefaults: echoOrg,
  output: buildResultSchema,
  params: buildInput,
  async run({ params }, { runtime, signal }) {
    const { build, raw } = await writeBuild(runtime, params, (client, ref) => client.cancelBuild(ref, { signal }));
    return { data: { build }, raw, summary: { canceled: true, buildNumber: build.number, state: build.state } };
  },
});
