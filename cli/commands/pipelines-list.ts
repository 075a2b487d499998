import { z } from "zod";
import { toPipeline } from "@/server/buildkite/build-records";
import { defineCommand } from "../command";
import { fields, options } from "../options";

export const pipelinesList = defineCommand({
  name: "pipelines.list",
  description: "list the organization's pipelines (needs read_pipelines)",
  options: [options.org],
  raw: true,
  input: z.object({ org: fields.org }),
  request: (input) => ({ org: input.org }),
  async run(input, context) {
    const result = await (await context.rest()).listPipelines(input.org);
    const pipelines = result.data.map(toPipeline);
    return { summary: { count: pipelines.length }, data: context.raw ? result.raw : pipelines };
  },
});
