import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { WaitHistogramFigure } from "@/components/history/wait-histogram-figure";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const waited = (...seconds: number[]) => seconds.map((s) => NOW - s * 1000);

describe("WaitHistogramFigure", () => {
  it("buckets the page's jobs by wait, says so in its caption, and lists the buckets as a table", () => {
    render(<WaitHistogramFigure scheduledMs={waited(5, 30, 400, 400, 400, 20_000)} now={NOW} loaded />);
    expect(
      screen.getByRole("figure", {
        name: "Current waits of 6 jobs: most (3) waited 5–15m; the longest waits are 4h+ (1 job).",
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Show table view of Current waits" }));
    const table = screen.getByRole("table", { name: "Jobs waiting now, by how long they have waited" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ["<1m", "2"],
      ["1–5m", "0"],
      ["5–15m", "3"],
      ["15m–1h", "0"],
      ["1–4h", "0"],
      ["4h+", "1"],
    ]);
  });

  it("waits for the jobs before describing them", () => {
    render(<WaitHistogramFigure scheduledMs={[]} now={NOW} loaded={false} />);
    expect(screen.getByTestId("chart-caption").textContent).toBe("Current waits, once the jobs have been read.");
  });
});
