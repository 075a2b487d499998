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
  it("allows 1 to 256 characters, counting emoji as one", () => {
    expect(notificationError("", 256)).toBe("Notification is required.");
    expect(notificationError("x".repeat(256), 256)).toBeNull();
    expect(notificationError("x".repeat(257), 256)).toBe("Notification must be at most 256 characters.");
    expect(notificationCounter("🚀 go", 256)).toBe("4 / 256 characters");
  });

  it("keeps room for the operator's name the console appends", () => {
    expect(notificationError("x".repeat(240), 240)).toBeNull();
    expect(notificationError("x".repeat(241), 240)).toBe(
      "Notification must be at most 240 characters so your name fits.",
    );
    expect(notificationCounter("abc", 240)).toBe("3 / 240 characters");
  });
});
