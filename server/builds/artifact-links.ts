import "server-only";

const enc = encodeURIComponent;

/** The console's own route that streams an artifact: the browser never sees Buildkite's URLs or token. */
export function artifactDownloadPath(pipeline: string, buildNumber: number, jobId: string, artifactId: string): string {
  return `/api/v1/pipelines/${enc(pipeline)}/builds/${buildNumber}/jobs/${enc(jobId)}/artifacts/${enc(artifactId)}/download`;
}
