import "server-only";
import { jobLogSchema } from "@/lib/schemas/logs";
import { logExcerpt } from "@/lib/log/log-excerpt";
import { defineCommand } from "../route-kit/command";
import { directTail } from "../buildkite/log-tail";
import { logGetInput } from "../logs/log-inputs";
import { buildJobInput, jobRef, echoOrg } from "../builds/build-inputs";

/**
 * The contract's `jobs.log.get`: the last `maxBytes` of the log (by a suffix `Range`, so a huge log costs
 * no more than that), normalized to the text a terminal would show, or with `raw` the bytes as they are.
 * `truncated` says that earlier bytes or lines were left out.
 */
export const jobsLogGet = defineCommand({
  name: "jobs.log.get",
  permission: "read",
  // The contract echoes `tailLines: null` when every fetched line is wanted.
  echoDefaults: (runtime) => ({ ...echoOrg(runtime), tailLines: null }),
  output: jobLogSchema,
  params: buildJobInput,
  query: logGetInput,
  async run({ params, query }, { runtime, raw }) {
    const { client, ref } = jobRef(runtime, params);
    const tail = await directTail(client, ref, query.maxBytes, true);
    const { content, lineCount, truncated } = logExcerpt(tail, { raw: raw === true, tailLines: query.tailLines });
    const data = {
      jobId: params.jobId,
      encoding: "utf-8" as const,
      lineCount,
      truncated,
      totalBytes: tail.totalBytes,
      content,
    };
    return { data, summary: { lineCount, truncated, totalBytes: tail.totalBytes } };
  },
});
