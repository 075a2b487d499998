import { describe, expect, it } from "vitest";
import { checkExitStatus, checkExpiry, checkReason, reasonByteCount } from "@/lib/inputs/bulk-form";

describe("checkExpiry", () => {
  it("accepts whole seconds from 1 to 3600", () => {
    expect(checkExpiry("900")).toEqual({ ok: true, value: 900 });
    expect(checkExpiry(" 1 ")).toEqual({ ok: true, value: 1 });
    expect(checkExpiry("3600")).toEqual({ ok: true, value: 3600 });
  });

  it.each([
    ["", "Expiry is required"],
    ["0", "Expiry must be at least 1 second"],
    ["3601", "Expiry must be at most 3600 seconds"],
    ["1.5", "Expiry must be a whole number"],
    ["15m", "Expiry must be a whole number"],
  ])("refuses %j with a message naming the field", (text, error) => {
    expect(checkExpiry(text)).toEqual({ ok: false, error });
  });
});

describe("checkExitStatus", () => {
  it("accepts negative and zero exit statuses", () => {
    expect(checkExitStatus("-1")).toEqual({ ok: true, value: -1 });
    expect(checkExitStatus("0")).toEqual({ ok: true, value: 0 });
  });

  it("refuses text that is not a whole number", () => {
    expect(checkExitStatus("one")).toEqual({ ok: false, error: "Exit status must be a whole number" });
    expect(checkExitStatus("")).toEqual({ ok: false, error: "Exit status is required" });
  });
});

describe("checkReason", () => {
  it("requires a reason that is not just whitespace", () => {
    expect(checkReason("   ")).toEqual({ ok: false, error: "Reason is required" });
    expect(checkReason("runaway job")).toEqual({ ok: true, value: "runaway job" });
  });

  it("limits the reason by UTF-8 bytes, not characters", () => {
    expect(checkReason("é".repeat(2048)).ok).toBe(true);
    expect(checkReason("é".repeat(2049))).toEqual({ ok: false, error: "Reason must be at most 4096 bytes" });
  });
});

describe("reasonByteCount", () => {
  it("counts bytes for the live counter and says when the limit is passed", () => {
    expect(reasonByteCount("ok")).toEqual({ bytes: 2, max: 4096, over: false, label: "2 / 4096 bytes" });
    expect(reasonByteCount("🔥")).toMatchObject({ bytes: 4, over: false });
    expect(reasonByteCount("x".repeat(4097))).toMatchObject({ bytes: 4097, over: true });
  });
});
