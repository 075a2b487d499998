import { describe, expect, test } from "vitest";
import { historyWindow } from "@/server/history/history-window";

const NOW = Date.parse("2026-03-02T12:07:42.500Z");
const iso = (ms: number) => new Date(ms).toISOString();

describe("historyWindow", () => {
  test("1h is the last 60 raw minutes, the current one included", () => {
    const window = historyWindow("1h", NOW);
    expect(window).toMatchObject({ range: "1h", bucketSeconds: 60, raw: true });
    expect(iso(window.from)).toBe("2026-03-02T11:08:00.000Z");
    expect(iso(window.to)).toBe("2026-03-02T12:08:00.000Z");
  });

  test("24h is 288 five-minute buckets aligned to the clock, ending with the current one", () => {
    const window = historyWindow("24h", NOW);
    expect(window).toMatchObject({ bucketSeconds: 300, raw: false });
    expect(iso(window.to)).toBe("2026-03-02T12:10:00.000Z");
    expect((window.to - window.from) / 300_000).toBe(288);
  });

  test("7d is 336 half-hour buckets", () => {
    const window = historyWindow("7d", NOW);
    expect(window).toMatchObject({ bucketSeconds: 1800, raw: false });
    expect(iso(window.from)).toBe("2026-02-23T12:30:00.000Z");
    expect(iso(window.to)).toBe("2026-03-02T12:30:00.000Z");
  });

  test("starts a bucket at the same time whichever minute the range is asked at", () => {
    const later = historyWindow("24h", NOW + 2 * 60_000);
    expect(later.from).toBe(historyWindow("24h", NOW).from);
  });
});
