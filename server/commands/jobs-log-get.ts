import "server-only";
import { jobLogSchema } from "@/lib/schemas/logs";
import { toPlainText } from "@/lib/log/plain-text";
import { defineCommand } from "../route-kit/command";
import { directTail } from "../logs/log-chunks";
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
    let lines = (raw ? tail.text : toPlainText(tail.text)).split("\n");
    if (lines.at(-1) === "") lines.pop();
    let truncated = tail.start > 0;
    if (query.tailLines !== undefined && lines.length > query.tailLines) {
      lines = lines.slice(-query.tailLines);
      truncated = true;
    }
    const content = lines.join("\n");
    const data = {
      jobId: params.jobId,
      encoding: "utf-8" as const,
      lineCount: lines.length,
      truncated,
      totalBytes: tail.totalBytes,
      content,
    };
    return { data, summary: { lineCount: lines.length, truncated, totalBytes: tail.totalBytes } };
  },
});
