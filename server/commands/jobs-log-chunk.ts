import "server-only";
import { logChunkSchema } from "@/lib/schemas/logs";
import { defineCommand } from "../route-kit/command";
import { log } from "../log";
import { directTail } from "../buildkite/log-tail";
import { chunkAfter, chunkBefore, lineChunk, tailChunk } from "../logs/log-chunks";
import { logChunkInput } from "../logs/log-inputs";
import { buildJobInput, jobRef, restAccess, echoOrg } from "../builds/build-inputs";

export const jobsLogChunk = defineCommand({
  name: "jobs.log.chunk",
  permission: "read",
  echoDefaults: echoOrg,
  output: logChunkSchema,
  params: buildJobInput,
  query: logChunkInput,
  async run({ params, query }, { runtime }) {
    const { client, ref } = jobRef(runtime, params);
    const { logs } = restAccess(runtime);
    const entry = await logs.entryFor(ref);
    const sync = logs.refresh(entry);
    const { line, before, after, bytes } = query;
    let chunk;
    if (line !== undefined) chunk = await sync.then(() => lineChunk(entry.mirror, line, bytes));
    else if (before !== undefined) chunk = await sync.then(() => chunkBefore(entry.mirror, before, bytes));
    else if (after !== undefined) chunk = await sync.then(() => chunkAfter(entry.mirror, after, bytes));
    else if (entry.fetched) chunk = await sync.then(() => tailChunk(entry.mirror, bytes));
    else {
      // The first look at a log: its tail now, straight from Buildkite, while the mirror fills behind.
      sync.catch((error: unknown) =>
        log().warn({ err: error, pipeline: ref.pipeline, build: ref.build, job: ref.job }, "log mirror sync failed"),
      );
      chunk = await directTail(client, ref, bytes, await logs.jobFinished(ref));
    }
    return {
      data: chunk,
      summary: { bytes: chunk.end - chunk.start, firstLine: chunk.firstLine, final: chunk.final },
    };
  },
});
