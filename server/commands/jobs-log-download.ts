import "server-only";
import { streamedFileOutput } from "../route-kit/streamed-file";
import { defineCommand } from "../route-kit/command";
import { streamedFile } from "../route-kit/streamed-file";
import { buildJobInput, jobRef, echoOrg } from "../builds/build-inputs";

/** The whole raw log, streamed from Buildkite to the browser as it arrives. */
export const jobsLogDownload = defineCommand({
  name: "jobs.log.download",
  permission: "read",
  echoDefaults: echoOrg,
  output: streamedFileOutput,
  params: buildJobInput,
  async run({ params }, { runtime, signal }) {
    const { client, ref } = jobRef(runtime, params);
    const log = await client.jobLogText(ref, { signal });
    const data = streamedFile(log.body, {
      contentType: "text/plain; charset=utf-8",
      contentLength: log.totalBytes,
      filename: `${params.pipeline}-${params.buildNumber}-${params.jobId}.log`,
    });
    return { data, summary: { totalBytes: log.totalBytes } };
  },
});
