import { describe, expect, it } from "vitest";
import { describeWaitHistogram, waitHistogram } from "@/lib/history/wait-histogram";

const NOW = Date.parse("2026-12-07T12:00:00Z");
const waitedSeconds = (...seconds: number[]) => seconds.map((s) => NOW - s * 1000);

describe("waitHistogram", () => {
  it("labels the buckets at the minutes an operator thinks in", () => {
    expect(waitHistogram([], NOW).map((bucket) => bucket.label)).toEqual([
      "<1m",
      "1–5m",
      "5–15m",
      "15m–1h",
      "1–4h",
      "4h+",
    ]);
  });

  it("puts each wait in the bucket whose lower bound it has reached", () => {
    const buckets = waitHistogram(
      waitedSeconds(0, 59, 60, 299, 300, 899, 900, 3599, 3600, 14_399, 14_400, 90_000),
      NOW,
    );
    expect(buckets.map((bucket) => bucket.count)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it("counts a job scheduled a little ahead of the browser's clock as just queued, and skips unreadable times", () => {
    const buckets = waitHistogram([NOW + 5000, Number.NaN], NOW);
    expect(buckets.map((bucket) => bucket.count)).toEqual([1, 0, 0, 0, 0, 0]);
  });
});

describe("describeWaitHistogram", () => {
  it("names the fullest bucket and the longest waits", () => {
    const buckets = waitHistogram(waitedSeconds(10, 20, 30, 120, 20_000), NOW);
    expect(describeWaitHistogram(buckets)).toBe(
      "Current waits of 5 jobs: most (3) waited <1m; the longest waits are 4h+ (1 job).",
    );
  });

  it("says so when nothing waits", () => {
    expect(describeWaitHistogram(waitHistogram([], NOW))).toBe("No job is waiting.");
  });
});
