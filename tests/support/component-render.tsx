import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { successBody } from "./envelopes";

/** The console API's success envelope for `command`, carrying `data`. */
export const envelope = (command: string, data: unknown) => Response.json(successBody(command, data));

/** A 502 from the console API: Buildkite did not answer `command`, as a refresh meets it mid-incident. */
export const upstreamFailure = (command: string) =>
  Response.json(
    {
      ...successBody(command, null),
      ok: false,
      error: {
        type: "network_error",
        message: "Buildkite did not answer",
        httpStatus: null,
        code: "network",
        retryable: true,
        requestId: "r1",
        details: { source: "buildkite" },
      },
    },
    { status: 502 },
  );

/** Stands in for the console's API: every call answers with a success envelope carrying `data`. */
export function stubApi(command: string, data: unknown) {
  const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => envelope(command, data));
  vi.stubGlobal("fetch", fetchMock);
  return {
    /** The writes the component sent, with their JSON bodies. */
    posts: () =>
      fetchMock.mock.calls
        .filter(([, init]) => init?.method === "POST")
        .map(([url, init]) => ({ url, body: JSON.parse(String(init?.body)) as unknown })),
  };
}

export function renderWithQueries(ui: ReactNode) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
