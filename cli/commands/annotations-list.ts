import { z } from "zod";
import type { ContractAnnotation } from "@/lib/contract/annotations";
import { annotationText } from "@/server/buildkite/annotation-html";
import { defineCommand } from "../command";
import { buildFields, buildOptions, buildRef, buildRequest } from "../options";

export const annotationsList = defineCommand({
  name: "annotations.list",
  description: "list a build's annotations, highest priority first, their HTML reduced to plain text",
  options: buildOptions,
  raw: true,
  input: z.object(buildFields),
  request: buildRequest,
  async run(input, context) {
    const result = await (await context.rest()).listAnnotations(buildRef(input));
    const annotations: (ContractAnnotation & Record<string, unknown>)[] = result.data
      .map((annotation) => ({
        id: annotation.id,
        context: annotation.context,
        style: annotation.style,
        scope: annotation.scope,
        jobId: annotation.jobId,
        priority: annotation.priority,
        body: annotationText(annotation.bodyHtml),
        createdAt: annotation.createdAt,
        updatedAt: annotation.updatedAt,
      }))
      // Higher priority first, as Buildkite orders them on the build page.
      .sort((a, b) => b.priority - a.priority);
    return { summary: { count: annotations.length }, data: context.raw ? result.raw : annotations };
  },
});
