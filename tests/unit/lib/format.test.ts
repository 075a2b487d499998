import { expect, test } from "vitest";
import { formatAge, formatDurationMs, secondsSince } from "@/lib/format";

test.each([
  [0, "0s"],
  [59.9, "59s"],
  [60, "1m 00s"],
  [185, "3m 05s"],
  [3720, "1h 02m"],
  [90000, "1d 1h"],
  [-5, "0s"],
])("formatAge(%s) is %s", (seconds, text) => expect(formatAge(seconds)).toBe(text));

test.each([
  [0, "0ms"],
  [850.4, "850ms"],
  [1000, "1s"],
  [185_000, "3m 05s"],
])("formatDurationMs(%s) is %s", (ms, text) => expect(formatDurationMs(ms)).toBe(text));

test("secondsSince reads ISO strings and epoch milliseconds and never goes negative", () => {
  const now = Date.parse("2026-11-20T09:15:00.000Z");
  expect(secondsSince("2026-11-20T09:14:00.000Z", now)).toBe(60);
  expect(secondsSince(now - 2500, now)).toBe(2.5);
  expect(secondsSince("2026-11-20T09:16:00.000Z", now)).toBe(0);
  expect(secondsSince("not a date", now)).toBe(0);
});
