import { describe, expect, test } from "vitest";
import { formatLocalMoment } from "@/lib/local-time";

describe("formatLocalMoment", () => {
  test("writes the time on a 24-hour clock, the zone, then the date, in the zone asked for", () => {
    expect(formatLocalMoment("2026-12-06T03:14:07Z", "UTC")).toBe("03:14:07 UTC, 2026-12-06");
    expect(formatLocalMoment("2026-12-06T23:14:07Z", "Asia/Tokyo")).toBe("08:14:07 GMT+9, 2026-12-07");
    expect(formatLocalMoment("2026-07-01T00:00:05Z", "America/New_York")).toBe("20:00:05 EDT, 2026-06-30");
  });

  test("says nothing for a moment it cannot read", () => {
    expect(formatLocalMoment("not a date", "UTC")).toBeNull();
  });
});
