import { describe, expect, it } from "vitest";
import { backlogMetric, oldestWaitMetric, shortDuration } from "@/lib/history/metrics";
import { describeSeries, formatChartTime, historyNote, summariseSeries } from "@/lib/history/series-summary";
import { minuteSamples, sample } from "../../../support/queue-samples";

const caption = (samples: Parameters<typeof describeSeries>[0]["samples"], range: "1h" | "24h" | "7d" = "24h") =>
  describeSeries({ ...backlogMetric, range, samples, timeZone: "UTC" });

describe("summariseSeries", () => {
  it("finds the low, the first peak and the latest value", () => {
    const samples = minuteSamples("2026-12-07T14:00:00Z", [5, 48, 3, 48, 42]);
    expect(summariseSeries(samples, backlogMetric.value)).toEqual({
      low: 3,
      peak: 48,
      peakAt: Date.parse("2026-12-07T14:01:00Z"),
      now: 42,
      nowAt: Date.parse("2026-12-07T14:04:00Z"),
      pausedSamples: 0,
    });
  });

  it("is null without samples", () => {
    expect(summariseSeries([], backlogMetric.value)).toBeNull();
  });
});

describe("describeSeries", () => {
  it("says the range, the peak and when, the low and the latest value", () => {
    const samples = minuteSamples("2026-12-07T14:04:00Z", [5, 48, 3, 42]);
    expect(caption(samples)).toBe("Backlog over the last 24 hours: peak 48 at 14:05, low 3, now 42 (14:07).");
  });

  it("counts the paused samples and warns of lower bounds", () => {
    const samples = [
      sample("2026-12-07T14:00:00Z", { backlog: 2, paused: true }),
      sample("2026-12-07T14:01:00Z", { backlog: 4, complete: false }),
    ];
    expect(caption(samples, "1h")).toBe(
      "Backlog over the last hour: peak 4 at 14:01, low 2, now 4 (14:01). Dispatch was paused in 1 of 2 samples (shaded). Some samples stopped at the page cap, so their figures are lower bounds.",
    );
  });

  it("writes waits as durations", () => {
    const samples = minuteSamples("2026-12-07T14:00:00Z", [2, 10]);
    expect(describeSeries({ ...oldestWaitMetric, range: "1h", samples, timeZone: "UTC" })).toBe(
      "Oldest wait over the last hour: peak 5m 00s at 14:01, low 1m 00s, now 5m 00s (14:01).",
    );
  });

  it("has a sentence for no samples", () => {
    expect(caption([])).toBe("Backlog over the last 24 hours: no samples yet.");
  });
});

describe("historyNote", () => {
  it("says how many samples there are while the history covers under half the range", () => {
    expect(historyNote([], "1h")).toBe(
      "History fills in as the console samples the queue once a minute; 0 samples so far.",
    );
    expect(historyNote(minuteSamples("2026-12-07T14:00:00Z", [1]), "1h")).toMatch(/; 1 sample so far\.$/);
    expect(historyNote(minuteSamples("2026-12-07T14:00:00Z", Array(29).fill(1)), "1h")).toMatch(
      /; 29 samples so far\.$/,
    );
  });

  it("is null once the samples span half the range", () => {
    expect(historyNote(minuteSamples("2026-12-07T14:00:00Z", Array(31).fill(1)), "1h")).toBeNull();
  });
});

describe("formatChartTime", () => {
  it("shows the clock, with the weekday over a week", () => {
    const ms = Date.parse("2026-12-07T14:05:00Z");
    expect(formatChartTime(ms, "24h", "UTC")).toBe("14:05");
    expect(formatChartTime(ms, "7d", "UTC")).toMatch(/^Mon,? 14:05$/);
    expect(formatChartTime(ms, "1h", "Asia/Kolkata")).toBe("19:35");
  });
});

describe("shortDuration", () => {
  it("keeps axis ticks short", () => {
    expect([shortDuration(45), shortDuration(720), shortDuration(5400)]).toEqual(["45s", "12m", "1.5h"]);
  });
});
