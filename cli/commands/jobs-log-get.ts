import { z } from "zod";
import { DEFAULT_LOG_MAX_BYTES } from "@/lib/contract/jobs";
import { logExcerpt } from "@/lib/log/log-excerpt";
import { directTail } from "@/server/buildkite/log-tail";
import { defineCommand } from "../command";
import { fields, jobFields, jobOptions, jobRef, jobRequest } from "../options";

const MAX_BYTES_LIMIT = 50 * 1024 * 1024;

export const jobsLogGet = defineCommand({
  name: "jobs.log.get",
  description: "print the end of a job's log, with colours and terminal control sequences removed (--raw keeps them)",
  options: [
    ...jobOptions,
    { flags: "--max-bytes <n>", description: `read at most the log's last n bytes (default ${DEFAULT_LOG_MAX_BYTES})` },
    { flags: "--tail-lines <n>", description: "keep only the last n lines" },
  ],
  raw: true,
  input: z.object({
    ...jobFields,
    maxBytes: fields.count("a number of bytes", { min: 1, max: MAX_BYTES_LIMIT }).default(DEFAULT_LOG_MAX_BYTES),
    tailLines: fields.count("a number of lines", { min: 1, max: 1_000_000 }).optional(),
  }),
  request: (input) => ({ ...jobRequest(input), maxBytes: input.maxBytes, tailLines: input.tailLines ?? null }),
  async run(input, context) {
    // A suffix Range: a log of a gigabyte costs no more than the bytes asked for.
    const tail = await directTail(await context.rest(), jobRef(input), input.maxBytes, true);
    const { content, lineCount, truncated } = logExcerpt(tail, { raw: context.raw, tailLines: input.tailLines });
    return {
      summary: { lineCount, truncated, totalBytes: tail.totalBytes },
      data: { jobId: input.jobId, encoding: "utf-8", lineCount, truncated, totalBytes: tail.totalBytes, content },
    };
  },
});
