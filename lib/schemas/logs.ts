import { z } from "zod";

// The shapes of the BFF's job log data as the browser parses them (server/commands/jobs-log-*.ts produce them).

/** `jobs.log.get`: the contract's normalized (or raw) log text. */
export const jobLogSchema = z.object({
  jobId: z.string(),
  encoding: z.literal("utf-8"),
  lineCount: z.number().int(),
  truncated: z.boolean(),
  totalBytes: z.number().int(),
  content: z.string(),
});

/**
 * `jobs.log.chunk`: raw log bytes (escapes kept, for the viewer's parser) between two line boundaries.
 * `firstLine` is the 1-based number of the first line in `text`, null while the server has not yet indexed
 * the whole log (the tail is answered before that, straight from Buildkite by `Range`).
 */
export const logChunkSchema = z.object({
  totalBytes: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  firstLine: z.number().int().nullable(),
  /** Lines in the whole log, once indexed. */
  lineCount: z.number().int().nullable(),
  text: z.string(),
  /** True when the job has finished: the log will not grow, so following can stop. */
  final: z.boolean(),
});
export type LogChunk = z.infer<typeof logChunkSchema>;

/** `jobs.log.search`: the true count over the whole log, and where the first matches are. */
export const logSearchSchema = z.object({
  query: z.string(),
  count: z.number().int(),
  /** 1-based line numbers of matching lines, in order, at most `limit` of them. */
  lines: z.array(z.number().int()),
  limit: z.number().int(),
  lineCount: z.number().int(),
});
export type LogSearch = z.infer<typeof logSearchSchema>;
