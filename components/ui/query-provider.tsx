"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/api/api-error";
import { retryQuery } from "@/lib/queries/retry";
import { DEFAULT_STALE_MS } from "@/lib/queries/defaults";

// The console itself said the session is over (not Buildkite rejecting a token): reloading lets the
// layout show the sign-in step instead of a page of errors.
function signInAgainIfSignedOut(error: unknown) {
  if (error instanceof ApiError && error.error.type === "auth_error" && error.error.details?.source === "console")
    window.location.reload();
}

/** The browser's one QueryClient: the defaults every read of the console shares. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: signInAgainIfSignedOut }),
    mutationCache: new MutationCache({ onError: signInAgainIfSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: DEFAULT_STALE_MS,
        // Network failures, 5xx and 429 are tried again; a 4xx (a refused filter, say) never is.
        retry: retryQuery,
        refetchOnWindowFocus: true,
      },
      // A change is never resent on its own: it may have happened, and the operator decides.
      mutations: { retry: false },
    },
  });
}

export function QueryProvider({ children }: { children: ReactNode }) {
  // One client per browser tab; created in state so a re-render never throws the cache away.
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
