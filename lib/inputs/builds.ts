import { z } from "zod";

// Names of pipelines and artifacts, checked before any REST call by the console's API and by bkci.

export const pipelineSlugInput = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, "must be a pipeline slug (letters, digits, - or _)");
export const artifactIdInput = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "must be an artifact id");
