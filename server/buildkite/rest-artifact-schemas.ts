import { z } from "zod";

import { restDate } from "./rest-schemas";

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const optionalDate = restDate.nullish().transform((value) => value ?? null);

export interface RestArtifact {
  id: string;
  jobId: string;
  url: string | null;
  downloadUrl: string | null;
  state: string;
  path: string;
  dirname: string | null;
  filename: string;
  mimeType: string | null;
  fileSize: number;
  sha1sum: string | null;
}

export const restArtifactSchema = z
  .object({
    id: z.string(),
    job_id: z.string(),
    url: optionalString,
    download_url: optionalString,
    state: z.string(),
    path: z.string(),
    dirname: optionalString,
    filename: optionalString,
    mime_type: optionalString,
    file_size: z.number().int().nonnegative(),
    sha1sum: optionalString,
  })
  .transform((wire): RestArtifact => ({
    id: wire.id,
    jobId: wire.job_id,
    url: wire.url,
    downloadUrl: wire.download_url,
    state: wire.state,
    path: wire.path,
    dirname: wire.dirname,
    filename: wire.filename ?? wire.path.split("/").pop() ?? wire.path,
    mimeType: wire.mime_type,
    fileSize: wire.file_size,
    sha1sum: wire.sha1sum,
  }));

export const restArtifactListSchema = z.array(restArtifactSchema);

/** The download call's body, when the 302 carries its target there too. */
export const artifactDownloadBodySchema = z.object({ url: z.string() });

export interface RestAnnotation {
  id: string;
  context: string;
  style: string;
  scope: string;
  jobId: string | null;
  priority: number;
  /** Unsanitised HTML from user Markdown: never render it as is. */
  bodyHtml: string;
  createdAt: string | null;
  updatedAt: string | null;
}

export const restAnnotationListSchema = z.array(
  z
    .object({
      id: z.string(),
      context: optionalString,
      style: optionalString,
      scope: optionalString,
      job_id: optionalString,
      priority: z.number().int().nullish(),
      body_html: z.string().nullish(),
      created_at: optionalDate,
      updated_at: optionalDate,
    })
    .transform((wire): RestAnnotation => ({
      id: wire.id,
      context: wire.context ?? "default",
      style: wire.style ?? "info",
      scope: wire.scope ?? "build",
      jobId: wire.job_id,
      priority: wire.priority ?? 3,
      bodyHtml: wire.body_html ?? "",
      createdAt: wire.created_at,
      updatedAt: wire.updated_at,
    })),
);
