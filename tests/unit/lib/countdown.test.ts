import { describe, expect, it } from "vitest";
import { countdown } from "@/lib/countdown";

const at = Date.parse("2026-01-01T00:00:00Z");

describe("countdown", () => {
  it("shows minutes and seconds under an hour", () => {
    expect(countdown("2026-01-01T00:15:00Z", at)).toEqual({ remainingSeconds: 900, expired: false, label: "15:00" });
    expect(countdown("2026-01-01T00:00:59Z", at).label).toBe("0:59");
  });

  it("shows hours for the longest reservations", () => {
    expect(countdown("2026-01-01T01:00:00Z", at).label).toBe("1:00:00");
  });

  it("rounds up so the last second is shown until the reservation lapses", () => {
    expect(countdown("2026-01-01T00:00:01Z", at + 200).label).toBe("0:01");
  });

  it("says expired at and after the expiry, and for an unreadable time", () => {
    expect(countdown("2026-01-01T00:00:00Z", at)).toEqual({ remainingSeconds: 0, expired: true, label: "expired" });
    expect(countdown("2025-12-31T23:00:00Z", at).expired).toBe(true);
    expect(countdown("not a time", at).expired).toBe(true);
  });
});
