import { describe, expect, test } from "vitest";
import { localClaims } from "@/server/live/claim-once";

describe("localClaims", () => {
  test("names keep their claims apart", () => {
    const claim = localClaims({ now: () => 0 });
    expect(claim("one", "k", 1_000)).toBe(true);
    expect(claim("two", "k", 1_000)).toBe(true);
    expect(claim("one", "k", 1_000)).toBe(false);
  });

  test("bounded: past the bound the oldest claims are forgotten first", () => {
    const claim = localClaims({ now: () => 0, maxEntries: 3 });
    for (const key of ["a", "b", "c", "d"]) expect(claim("n", key, 60_000)).toBe(true);
    // "a" was the oldest when "d" came: forgotten, so claimable again (which in turn pushes out "b").
    expect(claim("n", "a", 60_000)).toBe(true);
    expect(claim("n", "c", 60_000)).toBe(false);
    expect(claim("n", "d", 60_000)).toBe(false);
  });

  test("expired claims are dropped as new ones come, not kept to the bound", () => {
    let now = 0;
    const claim = localClaims({ now: () => now, maxEntries: 2 });
    expect(claim("n", "a", 10)).toBe(true);
    expect(claim("n", "b", 1_000)).toBe(true);
    now = 20;
    // "a" has expired: claiming "c" drops it and keeps "b", which has not.
    expect(claim("n", "c", 1_000)).toBe(true);
    expect(claim("n", "b", 1_000)).toBe(false);
  });
});
