import { z } from "zod";
import { commandEnvelope, rawEnvelope } from "./envelope";
import { buildRequestSchema, countSummarySchema } from "./common";

export const contractAnnotationSchema = z.object({
  id: z.string(),
  context: z.string(),
  style: z.string(),
  /** The annotation as plain text (Buildkite sends HTML, which is no use to a terminal or a script). */
  body: z.string(),
  // Buildkite leaves these out of some older annotations.
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ContractAnnotation = z.infer<typeof contractAnnotationSchema>;

export const annotationsListParts = {
  request: buildRequestSchema,
  summary: countSummarySchema,
  data: z.array(contractAnnotationSchema),
  pagination: z.null(),
};
export const annotationsListEnvelope = commandEnvelope("annotations.list", annotationsListParts);
export const annotationsListRawEnvelope = rawEnvelope("annotations.list", annotationsListParts.request);
