import { relative, resolve } from "node:path";
import picomatch from "picomatch";
import { z } from "zod";
import { DEFAULT_ARTIFACT_DIR, type DownloadFailure } from "@/lib/contract/artifacts";
import { artifactIdInput } from "@/lib/inputs/builds";
import type { RestArtifact, RestClient } from "@/server/buildkite/rest";
import { defineCommand } from "../command";
import { mapLimited } from "../download/parallel";
import { createProgress, type Progress } from "../download/progress";
import { plannedPath, preparedPath } from "../download/safe-path";
import { saveVerified } from "../download/save-stream";
import { toEnvelopeError } from "../error-envelope";
import { buildRef, type BuildInput } from "../options";
import { artifactListFields, artifactListRequest, artifactSelectionOptions } from "./artifacts-list";

/** Downloads at once: enough to fill a link, few enough not to spend the rate limit in a burst. */
const PARALLEL_DOWNLOADS = 4;
/** Exit status when some artifacts were saved and some not (documented in bkci --help). */
export const PARTIAL_EXIT_CODE = 3;

interface SavedFile {
  artifactId: string;
  path: string;
  bytes: number;
  sha1sum: string;
}

type Outcome = { ok: true; file: SavedFile } | { ok: false; failure: DownloadFailure };

async function download(
  client: RestClient,
  input: BuildInput & { outputDir: string },
  artifact: RestArtifact,
  progress: Progress,
): Promise<Outcome> {
  const fail = (reason: string): Outcome => ({
    ok: false,
    failure: { artifactId: artifact.id, path: artifact.path, reason },
  });
  const planned = plannedPath(input.outputDir, artifact.path);
  if (!planned.ok) return fail(planned.reason);
  try {
    const target = await preparedPath(input.outputDir, planned.path);
    if (!target.ok) return fail(target.reason);
    const stream = await client.downloadArtifact({ ...buildRef(input), job: artifact.jobId }, artifact.id);
    const saved = await saveVerified(stream.body, target.path, artifact.sha1sum, progress.add);
    if (!saved.ok) return fail(saved.reason);
    // Named as the user would type it (`./.bk-artifacts/report/index.html`), as the contract shows.
    const shown = `${input.outputDir.replace(/\/+$/, "")}/${relative(resolve(input.outputDir), planned.path)}`;
    return { ok: true, file: { artifactId: artifact.id, path: shown, bytes: saved.bytes, sha1sum: saved.sha1 } };
  } catch (error) {
    // One artifact's failure (a 404, a refused storage URL) is listed; the others still download.
    const mapped = toEnvelopeError(error);
    return fail(`${mapped.type}: ${mapped.message}`);
  }
}

export const artifactsDownload = defineCommand({
  name: "artifacts.download",
  description:
    "download artifacts (every one of the build or job, or those chosen by --artifact-id and --glob) into " +
    `--output-dir, checking each one's sha1; exit status ${PARTIAL_EXIT_CODE} when some could not be saved`,
  options: [
    ...artifactSelectionOptions,
    { flags: "--artifact-id <id>", description: "an artifact to download (repeatable)", repeatable: true },
    { flags: "--glob <pattern>", description: "artifacts whose path matches, e.g. 'playwright-report/**'" },
    { flags: "--output-dir <dir>", description: `where to save them (default ${DEFAULT_ARTIFACT_DIR})` },
  ],
  input: z.object({
    ...artifactListFields,
    artifactId: z.array(artifactIdInput).default([]),
    glob: z.string().min(1, "must not be empty").max(1024).optional(),
    outputDir: z.string().min(1, "must not be empty").default(DEFAULT_ARTIFACT_DIR),
  }),
  request: (input) => ({
    ...artifactListRequest(input),
    artifactIds: input.artifactId,
    glob: input.glob ?? null,
    outputDir: input.outputDir,
  }),
  async run(input, context) {
    const client = await context.rest();
    const listed = await client.listArtifacts({ ...buildRef(input), job: input.jobId });
    const matches = input.glob === undefined ? null : picomatch(input.glob, { dot: true });
    const wanted = new Set(input.artifactId);
    const chosen = listed.data.filter((artifact) => {
      if (wanted.size === 0 && matches === null) return true;
      return wanted.has(artifact.id) || (matches !== null && matches(artifact.path));
    });
    const unknown: DownloadFailure[] = [...wanted]
      .filter((id) => !listed.data.some((artifact) => artifact.id === id))
      .map((id) => ({ artifactId: id, path: "", reason: "not_found: the build has no artifact with this id" }));
    const progress = createProgress(
      context.stderr,
      chosen.reduce((total, artifact) => total + artifact.fileSize, 0),
      chosen.length,
    );
    const outcomes = await mapLimited(chosen, PARALLEL_DOWNLOADS, (artifact) =>
      download(client, input, artifact, progress),
    );
    progress.done();
    const files = outcomes.flatMap((outcome) => (outcome.ok ? [outcome.file] : []));
    const failures = [...unknown, ...outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.failure]))];
    return {
      summary: {
        downloaded: files.length,
        failed: failures.length,
        totalBytes: files.reduce((total, file) => total + file.bytes, 0),
      },
      data: { files, failures },
      exitCode: failures.length > 0 ? PARTIAL_EXIT_CODE : 0,
    };
  },
});
