import "server-only";
import { logSearchSchema } from "@/lib/schemas/logs";
import type { LogSearch } from "@/lib/schemas/logs";
import { defineCommand } from "../route-kit/command";
import { SEARCH_LINE_LIMIT, searchLog } from "../logs/log-search";
import { logSearchInput } from "../logs/log-inputs";
import { buildJobInput, jobRef, restAccess, echoOrg } from "../builds/build-inputs";

export const jobsLogSearch = defineCommand({
  name: "jobs.log.search",
  permission: "read",
  echoDefaults: echoOrg,
  output: logSearchSchema,
  params: buildJobInput,
  query: logSearchInput,
  async run({ params, query }, { runtime }) {
    const { ref } = jobRef(runtime, params);
    const { logs } = restAccess(runtime);
    const entry = await logs.entryFor(ref);
    // Search covers the whole log, so it waits for the mirror to have all of it.
    await logs.refresh(entry);
    const result = await searchLog(entry.mirror, query.q, query.caseSensitive);
    const data: LogSearch = {
      query: query.q,
      count: result.count,
      lines: result.lines,
      limit: SEARCH_LINE_LIMIT,
      lineCount: result.lineCount,
    };
    return { data, summary: { count: result.count, final: entry.mirror.final } };
  },
});
