import "server-only";
import { annotationSchema } from "@/lib/schemas/builds";
import { z } from "zod";
import { annotationStyles, type Annotation } from "@/lib/schemas/builds";
import { defineCommand } from "../route-kit/command";
import { sanitizeAnnotationHtml, annotationText } from "../buildkite/annotation-html";
import { apiPaths } from "@/lib/api/paths";
import { buildInput, buildRef, echoOrg } from "../builds/build-inputs";

const annotationsListInput = z.object({
  scope: z.enum(["build", "job", "all"], "must be build, job or all").default("all"),
});

type Style = (typeof annotationStyles)[number];
const isStyle = (value: string): value is Style => (annotationStyles as readonly string[]).includes(value);

export const annotationsList = defineCommand({
  name: "annotations.list",
  permission: "read",
  echoDefaults: echoOrg,
  output: z.array(annotationSchema),
  params: buildInput,
  query: annotationsListInput,
  async run({ params, query }, { runtime }) {
    const { client, reads, ref, cacheKey } = buildRef(runtime, params);
    const result = await reads.read(cacheKey("annotations", query.scope), () =>
      client.listAnnotations(ref, query.scope),
    );
    // Artifact links need the build's artifacts; most annotations have none, so only then are they read.
    const linksArtifacts = result.data.some((annotation) => /artifact:\/\//i.test(annotation.bodyHtml));
    const byPath = new Map<string, string>();
    if (linksArtifacts) {
      const artifacts = await reads.read(cacheKey("artifacts", undefined, {}), () => client.listArtifacts(ref));
      for (const artifact of artifacts.data) {
        byPath.set(
          artifact.path,
          apiPaths.artifactDownload(
            { pipeline: params.pipeline, number: params.buildNumber, jobId: artifact.jobId },
            artifact.id,
          ),
        );
      }
    }
    const annotations: Annotation[] = result.data
      .map((annotation) => ({
        id: annotation.id,
        context: annotation.context,
        style: isStyle(annotation.style) ? annotation.style : "info",
        scope: annotation.scope,
        jobId: annotation.jobId,
        priority: annotation.priority,
        body: annotationText(annotation.bodyHtml),
        bodyHtml: sanitizeAnnotationHtml(annotation.bodyHtml, (path) => byPath.get(path) ?? null),
        createdAt: annotation.createdAt,
        updatedAt: annotation.updatedAt,
      }))
      // Higher priority first, as Buildkite orders them on the build page.
      .sort((a, b) => b.priority - a.priority);
    return { data: annotations, raw: result.raw, summary: { count: annotations.length } };
  },
});
