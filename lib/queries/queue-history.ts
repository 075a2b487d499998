import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { queueHistorySchema, type HistoryRange } from "../schemas/queue-history";
import { queryKeys } from "./keys";

/** A queue's samples over `range`, oldest first. A new sample comes once a minute, so a minute's staleness is fine. */
export const queueHistoryQuery = (stackKey: string, queueKey: string, range: HistoryRange) =>
  queryOptions({
    queryKey: queryKeys.stacks.queueHistory(stackKey, queueKey, range),
    queryFn: async ({ signal }) =>
      (await apiFetch(apiPaths.queueHistory(stackKey, queueKey, range), queueHistorySchema, { signal })).data.samples,
    staleTime: 30_000,
    refetchInterval: 60_000,
  });
