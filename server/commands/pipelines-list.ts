import "server-only";
import { z } from "zod";
import { pipelineSchema } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { toPipeline } from "../buildkite/build-records";
import { echoOrg, restAccess } from "../builds/build-inputs";
import { needingScope } from "../builds/scope-refusal";

export const pipelinesList = defineCommand({
  name: "pipelines.list",
  permission: "read",
  echoDefaults: echoOrg,
  output: z.array(pipelineSchema),
  async run(_input, { runtime }) {
    const { client, org, reads } = restAccess(runtime);
    // Every viewer of the builds page wants the same list: one read serves them all for a while.
    const result = await reads.read(reads.listKey(["pipelines", org]), () =>
      needingScope("read_pipelines", () => client.listPipelines(org)),
    );
    const pipelines = result.data.map(toPipeline);
    return { data: pipelines, raw: result.raw, summary: { count: pipelines.length } };
  },
});
