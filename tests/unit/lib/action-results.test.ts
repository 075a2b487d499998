import { describe, expect, it } from "vitest";
import { failure, finishOutcome, notifyOutcome, reserveOutcome } from "@/lib/action-results";
import { ApiError } from "@/lib/api/api-error";

const id = "0190a8b2-0000-4000-8000-000000000001";
const now = Date.parse("2026-01-01T00:00:00Z");
const result = (reserved: string[]) => ({
  reserved,
  notReserved: reserved.length ? [] : [id],
  expirySeconds: 900,
  expiresAt: "2026-01-01T00:15:00Z",
});

describe("reserve outcome", () => {
  it("reports the reservation with its time left", () => {
    expect(reserveOutcome(result([id]), id, false, now)).toEqual({
      ok: true,
      message: "Reserved for 15:00: agents will not pick it up until then.",
    });
    expect(reserveOutcome(result([id]), id, true, now)).toEqual({
      ok: true,
      message: "Reservation extended: expires in 15:00.",
    });
  });

  it("is a failure when Buildkite left the job out", () => {
    expect(reserveOutcome(result([]), id, false, now).ok).toBe(false);
    expect(reserveOutcome(result([]), id, true, now).message).toMatch(/did not extend/);
  });
});

describe("failure", () => {
  it("carries the BFF's message and type, and says when Buildkite refused", () => {
    const error = (source: string) =>
      new ApiError(
        {
          type: "validation_error",
          message: "body.detail: is required",
          httpStatus: 422,
          code: "x",
          retryable: false,
          requestId: "r",
          details: { source },
        },
        400,
      );
    expect(failure(error("console"))).toEqual({
      ok: false,
      message: "Failed (validation_error): body.detail: is required",
    });
    expect(failure(error("buildkite")).message).toBe(
      "Failed (validation_error from Buildkite): body.detail: is required",
    );
    expect(failure(new Error("boom"))).toEqual({ ok: false, message: "boom" });
  });
});

describe("finish and notify outcomes", () => {
  it("calls exit status 0 completed", () => {
    expect(finishOutcome(0).message).toBe("Finished with exit status 0 (completed).");
    expect(finishOutcome(-1).message).toBe("Finished with exit status -1.");
  });

  it("treats a notification Buildkite did not store as a failure", () => {
    expect(notifyOutcome({ sent: 1, errors: [] }).ok).toBe(true);
    expect(notifyOutcome({ sent: 0, errors: [{ error: "limit reached" }] })).toEqual({
      ok: false,
      message: "Buildkite did not store the notification: limit reached.",
    });
  });
});
