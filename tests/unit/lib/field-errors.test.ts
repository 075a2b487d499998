import { describe, expect, it } from "vitest";
import {
  exitStatusError,
  expiryError,
  notificationCounter,
  notificationError,
  parseWholeNumber,
  reasonCounter,
  reasonError,
} from "@/lib/field-errors";

describe("reservation expiry", () => {
  it("accepts 1 to 3600 seconds", () => {
    expect(expiryError("1")).toBeNull();
    expect(expiryError(" 900 ")).toBeNull();
    expect(expiryError("3600")).toBeNull();
  });

  it("refuses out-of-range, fractional and non-numeric input, naming the field", () => {
    expect(expiryError("0")).toBe("Reservation expiry must be at least 1 second.");
    expect(expiryError("3601")).toBe("Reservation expiry must be at most 3600 seconds.");
    expect(expiryError("1.5")).toMatch(/^Reservation expiry must be a whole number/);
    expect(expiryError("")).toMatch(/^Reservation expiry/);
    expect(expiryError("15m")).toMatch(/^Reservation expiry/);
  });
});

describe("exit status", () => {
  it("accepts -1, 0 and other whole numbers", () => {
    expect(exitStatusError("-1")).toBeNull();
    expect(exitStatusError("0")).toBeNull();
    expect(exitStatusError("137")).toBeNull();
  });

  it("refuses text and numbers outside a 32-bit status", () => {
    expect(exitStatusError("abc")).toBe("Exit status must be a whole number.");
    expect(exitStatusError("99999999999")).toMatch(/^Exit status/);
  });

  it("reads only whole numbers", () => {
    expect(parseWholeNumber("-12")).toBe(-12);
    expect(parseWholeNumber("1e3")).toBeNaN();
  });
});

describe("finish reason", () => {
  it("is required", () => {
    expect(reasonError("")).toBe("Reason is required.");
    expect(reasonError("   ")).toBe("Reason is required.");
  });

  it("is measured in UTF-8 bytes, not characters", () => {
    expect(reasonError("a".repeat(4096))).toBeNull();
    expect(reasonError("a".repeat(4097))).toBe("Reason must be at most 4096 bytes.");
    // 2048 two-byte characters fill the budget exactly; one more does not fit.
    expect(reasonError("é".repeat(2048))).toBeNull();
    expect(reasonError("é".repeat(2049))).toBe("Reason must be at most 4096 bytes.");
    expect(reasonCounter("héllo")).toBe("6 / 4096 bytes");
  });
});

describe("notification", () => {
  it("is required, and counts characters as Buildkite does: an emoji is one", () => {
    expect(notificationError("", 240)).toBe("Notification is required.");
    expect(notificationError("   ", 240)).toBe("Notification is required.");
    expect(notificationCounter("🚀 go", 240)).toBe("4 / 240 characters");
    // 240 rockets are 480 UTF-16 units; the limit is in characters.
    expect(notificationError("🚀".repeat(240), 240)).toBeNull();
    expect(notificationError("🚀".repeat(241), 240)).toBe(
      "Notification must be at most 240 characters so your name fits.",
    );
  });

  it("states one limit, the room left beside the operator's name, whatever the length", () => {
    expect(notificationError("x".repeat(240), 240)).toBeNull();
    for (const length of [241, 256, 257, 1000])
      expect(notificationError("x".repeat(length), 240)).toBe(
        "Notification must be at most 240 characters so your name fits.",
      );
    expect(notificationCounter("abc", 240)).toBe("3 / 240 characters");
  });

  it("counts without a limit until the operator's room is known", () => {
    expect(notificationCounter("abc", undefined)).toBe("3 characters");
  });
});
