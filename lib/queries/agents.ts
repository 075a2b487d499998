import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { agentsListSchema } from "../schemas/agents";
import { queryKeys } from "./keys";

// The whole agents list: the page filters it itself, so changing a filter costs no request and the
// per-queue counts always cover every agent.
export const agentsQuery = () =>
  queryOptions({
    queryKey: queryKeys.agents.all(),
    queryFn: ({ signal }) => apiFetch(apiPaths.agents(), agentsListSchema, { signal }),
  });
