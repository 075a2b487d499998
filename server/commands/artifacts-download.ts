import "server-only";
import { streamedFileOutput } from "../route-kit/streamed-file";
import { defineCommand } from "../route-kit/command";
import { streamedFile, type StreamedFile } from "../route-kit/streamed-file";
import { artifactIdInput, buildJobInput, jobRef, echoOrg } from "../builds/build-inputs";

const artifactInput = buildJobInput.extend({ artifactId: artifactIdInput });

export const artifactsDownload = defineCommand({
  name: "artifacts.download",
  permission: "read",
  echoDefaults: echoOrg,
  output: streamedFileOutput,
  params: artifactInput,
  async run({ params }, { runtime, signal, consoleHost }) {
    const { client, ref } = jobRef(runtime, params);
    const download = await client.downloadArtifact(ref, params.artifactId, { signal, consoleHost });
    const data: StreamedFile = streamedFile(download.body, {
      contentType: download.contentType ?? "application/octet-stream",
      contentLength: download.contentLength,
    });
    return { data, summary: { downloaded: 1, totalBytes: download.contentLength } };
  },
});
