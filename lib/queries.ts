import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { queueViewSchema } from "./queue-view";

// Every query key in one place, so invalidation after a mutation cannot miss one.
export const queryKeys = {
  queue: (stackKey: string, queueKey: string) => ["queue", stackKey, queueKey] as const,
};

const enc = encodeURIComponent;

export const queueQuery = (stackKey: string, queueKey: string) =>
  queryOptions({
    queryKey: queryKeys.queue(stackKey, queueKey),
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/stacks/${enc(stackKey)}/queue?queue=${enc(queueKey)}`, queueViewSchema, { signal }),
  });
