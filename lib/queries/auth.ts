import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { authStatusSchema } from "../schemas/auth";
import { queryKeys } from "./keys";

export const authStatusQuery = () =>
  queryOptions({
    queryKey: queryKeys.auth.status(),
    queryFn: ({ signal }) => apiFetch(apiPaths.authStatus(), authStatusSchema, { signal }),
    // Token scopes change only when the console is reconfigured.
    staleTime: 60_000,
  });
