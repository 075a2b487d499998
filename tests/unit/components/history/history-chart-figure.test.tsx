import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { HistoryChartFigure } from "@/components/history/history-chart-figure";
import { backlogMetric } from "@/lib/history/metrics";
import { minuteSamples, sample } from "../../../support/queue-samples";

// The canvas itself is the browser's (jsdom has no 2D context): the e2e tests see it drawn. Here the
// stand-in records what it was asked to draw.
vi.mock("@/components/history/time-series-chart", () => ({
  TimeSeriesChart: ({ samples }: { samples: readonly unknown[] }) => (
    <div data-testid="time-series-chart" data-points={samples.length} />
  ),
}));

const figure = () => screen.getByRole("figure");
const caption = () => screen.getByTestId("chart-caption").textContent;

describe("HistoryChartFigure", () => {
  it("draws a day's samples with a caption that says what the picture shows", () => {
    const samples = minuteSamples("2026-12-07T02:00:00Z", [...Array(700).fill(3), 48, ...Array(99).fill(42)]);
    render(<HistoryChartFigure metric={backlogMetric} range="24h" samples={samples} />);
    expect(screen.getByTestId("time-series-chart").dataset.points).toBe("800");
    expect(within(figure()).getByRole("heading", { name: "Backlog" })).toBeTruthy();
    // The figure's accessible name is its caption.
    expect(screen.getByRole("figure", { name: /^Backlog over the last 24 hours: peak 48 at / })).toBeTruthy();
    expect(caption()).toMatch(/low 3, now 42 \(/);
    expect(caption()).not.toContain("samples so far");
  });

  it("says plainly that history is filling in instead of drawing one sample", () => {
    render(
      <HistoryChartFigure
        metric={backlogMetric}
        range="1h"
        samples={[sample("2026-12-07T14:00:00Z", { backlog: 7 })]}
      />,
    );
    expect(screen.queryByTestId("time-series-chart")).toBeNull();
    expect(
      within(figure()).getByText("History fills in as the console samples the queue once a minute; 1 sample so far."),
    ).toBeTruthy();
    expect(caption()).toMatch(/^Backlog over the last hour: peak 7 at .*, low 7, now 7/);
  });

  it("has no table view and no chart before the first sample", () => {
    render(<HistoryChartFigure metric={backlogMetric} range="1h" samples={[]} />);
    expect(screen.queryByTestId("time-series-chart")).toBeNull();
    expect(screen.getByText(/; 0 samples so far\.$/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /table view/ })).toBeNull();
  });

  it("draws a short history but still says how many samples there are", () => {
    render(
      <HistoryChartFigure
        metric={backlogMetric}
        range="24h"
        samples={minuteSamples("2026-12-07T14:00:00Z", [1, 2, 3])}
      />,
    );
    expect(screen.getByTestId("time-series-chart").dataset.points).toBe("3");
    expect(caption()).toContain("History fills in as the console samples the queue once a minute; 3 samples so far.");
  });

  it("shows the samples as a table on request, oldest first, with dispatch state", () => {
    const samples = [
      sample("2026-12-07T14:00:00Z", { backlog: 4, paused: true }),
      sample("2026-12-07T14:01:00Z", { backlog: 9 }),
    ];
    render(<HistoryChartFigure metric={backlogMetric} range="1h" samples={samples} />);
    const toggle = screen.getByRole("button", { name: "Show table view of Backlog over the last hour" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const table = screen.getByRole("table", { name: "Backlog samples over the last hour, oldest first" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Time", "Jobs waiting", "Dispatch"]);
    const rows = within(table).getAllByRole("row").slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole("cell")
          .slice(1)
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ["4", "paused"],
      ["9", "running"],
    ]);
    fireEvent.click(screen.getByRole("button", { name: "Hide table view of Backlog over the last hour" }));
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says why there is no chart when the history cannot be read", () => {
    render(
      <HistoryChartFigure
        metric={backlogMetric}
        range="1h"
        samples={undefined}
        failure="The queue's history could not be read."
      />,
    );
    expect(within(figure()).getByText("The queue's history could not be read.")).toBeTruthy();
  });
});
