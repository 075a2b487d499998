import { describe, expect, it } from "vitest";

import { parseBuildkiteDate } from "@/server/buildkite/rest-dates";

describe("parseBuildkiteDate", () => {
  it("reads ISO-8601 with milliseconds", () => {
    expect(parseBuildkiteDate("2026-11-20T09:14:03.512Z")).toBe("2026-11-20T09:14:03.512Z");
  });

  it("reads the `YYYY-MM-DD hh:mm:ss UTC` form as UTC", () => {
    expect(parseBuildkiteDate("2026-11-20 09:14:03 UTC")).toBe("2026-11-20T09:14:03.000Z");
  });

  it("normalises an ISO offset to UTC", () => {
    expect(parseBuildkiteDate("2026-11-20T10:14:03+01:00")).toBe("2026-11-20T09:14:03.000Z");
  });

  it("refuses dates without a zone and text that is not a date", () => {
    expect(parseBuildkiteDate("2026-11-20T09:14:03")).toBeNull();
    expect(parseBuildkiteDate("2026-11-20 09:14:03")).toBeNull();
    expect(parseBuildkiteDate("yesterday")).toBeNull();
    expect(parseBuildkiteDate("2026-13-45T99:14:03Z")).toBeNull();
  });
});
