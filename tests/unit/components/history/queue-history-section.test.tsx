import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { QueueHistorySection } from "@/components/history/queue-history-section";
import { envelope, renderWithQueries, upstreamFailure } from "../../../support/component-render";
import { minuteSamples } from "../../../support/queue-samples";

vi.mock("@/components/history/time-series-chart", () => ({
  TimeSeriesChart: ({ samples }: { samples: readonly unknown[] }) => (
    <div data-testid="time-series-chart" data-points={samples.length} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());

const NOW = Date.parse("2026-12-07T12:00:00Z");

describe("QueueHistorySection", () => {
  it("reads the queue's history over the chosen range and draws backlog, oldest wait and current waits", async () => {
    const fetchMock = vi.fn(async (_url: string) =>
      envelope("queue.history", { samples: minuteSamples("2026-12-07T11:00:00Z", Array(60).fill(2)) }),
    );
    vi.stubGlobal("fetch", fetchMock);
    const onRangeChange = vi.fn();
    renderWithQueries(
      <QueueHistorySection
        stackKey="stack-console"
        queueKey="_default"
        range="1h"
        onRangeChange={onRangeChange}
        scheduledMs={[NOW - 90_000]}
        now={NOW}
        loaded
      />,
    );
    await waitFor(() => expect(screen.getAllByTestId("time-series-chart")).toHaveLength(2));
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), "http://console.test");
    expect(url.pathname).toBe("/api/v1/stacks/stack-console/queue/history");
    expect(Object.fromEntries(url.searchParams)).toEqual({ queue: "_default", range: "1h" });
    expect(screen.getByRole("figure", { name: /^Backlog over the last hour: peak 2 at / })).toBeTruthy();
    expect(screen.getByRole("figure", { name: /^Oldest wait over the last hour: peak 1m 00s at / })).toBeTruthy();
    expect(screen.getByRole("figure", { name: /^Current waits of 1 job: most \(1\) waited 1–5m/ })).toBeTruthy();

    const picker = screen.getByRole("group", { name: "History range" });
    expect(screen.getByRole("button", { name: "1h", pressed: true })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "7d", pressed: false }));
    expect(onRangeChange).toHaveBeenCalledWith("7d");
    expect(picker).toBeTruthy();
  });

  it("says the history could not be read instead of drawing nothing", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("nope", { status: 500 })),
    );
    renderWithQueries(
      <QueueHistorySection
        stackKey="stack-console"
        queueKey="_default"
        range="24h"
        onRangeChange={() => {}}
        scheduledMs={[]}
        now={NOW}
        loaded
      />,
    );
    await waitFor(() => expect(screen.getAllByText(/^The queue's history could not be read/)).toHaveLength(2));
    expect(screen.queryByTestId("time-series-chart")).toBeNull();
  });

  it("keeps the last history drawn when a refresh fails, with a warning naming the error", async () => {
    let failing = false;
    vi.stubGlobal(
      "fetch",
      vi.fn(async () =>
        failing
          ? upstreamFailure("queue.history")
          : envelope("queue.history", { samples: minuteSamples("2026-12-07T11:00:00Z", Array(60).fill(2)) }),
      ),
    );
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <QueueHistorySection
          stackKey="stack-console"
          queueKey="_default"
          range="1h"
          onRangeChange={() => {}}
          scheduledMs={[]}
          now={NOW}
          loaded
        />
      </QueryClientProvider>,
    );
    await waitFor(() => expect(screen.getAllByTestId("time-series-chart")).toHaveLength(2));
    expect(screen.queryByRole("alert")).toBeNull();

    failing = true;
    await client.refetchQueries();
    const warning = await screen.findByRole("alert");
    expect(warning.textContent).toContain("Refresh failed — showing the last good data.");
    expect(warning.textContent).toContain("Buildkite did not answer");
    expect(screen.getAllByTestId("time-series-chart")).toHaveLength(2);
  });
});
