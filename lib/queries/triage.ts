import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { triageSchema } from "../schemas/triage";
import { queryKeys } from "./keys";

/** What the panel reads from triage.get's summary; the envelope keeps summaries open, so it is parsed here. */
const triageSummarySchema = z.object({ warnings: z.array(z.string()).default([]) });

/** Why the queue's jobs wait, polled with the page's live data. */
export const triageQuery = (stackKey: string, queueKey: string) =>
  queryOptions({
    queryKey: queryKeys.stacks.triage(stackKey, queueKey),
    queryFn: async ({ signal }) => {
      const envelope = await apiFetch(apiPaths.triage(stackKey, queueKey), triageSchema, { signal });
      return { findings: envelope.data.findings, summary: triageSummarySchema.parse(envelope.summary) };
    },
  });
