import { describe, expect, it } from "vitest";
import {
  NOT_EXTENDED_MESSAGE,
  NOT_RELEASED_MESSAGE,
  RELEASED_MESSAGE,
  extendRows,
  failedRows,
  finishedRows,
  isSuccess,
  releaseRows,
} from "@/lib/reservation-results";

const expiresAt = "2026-11-20T10:42:00.000Z";
const clock = new Date(expiresAt).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });

describe("what each job's row says after an action on reservations", () => {
  it("an extension names the new expiry, a refusal why, and a job the answer left out as failed", () => {
    expect(
      extendRows("s", ["a", "b", "c"], { reserved: ["a"], notReserved: ["b"], expirySeconds: 900, expiresAt }),
    ).toEqual([
      { stackKey: "s", jobId: "a", outcome: "extended", message: `reserved until ${clock}` },
      { stackKey: "s", jobId: "b", outcome: "refused", message: NOT_EXTENDED_MESSAGE },
      { stackKey: "s", jobId: "c", outcome: "failed", message: "the console's answer did not mention this job" },
    ]);
  });

  it("a release says the job is scheduled again, or that the stack no longer held it", () => {
    expect(releaseRows("s", ["a", "b"], { released: ["a"], notReleased: ["b"] }).map((r) => r.message)).toEqual([
      RELEASED_MESSAGE,
      NOT_RELEASED_MESSAGE,
    ]);
  });

  it("a finish Buildkite refuses as a second one reads as already finished; other errors stay as they are", () => {
    expect(
      finishedRows("s", [
        { jobId: "a", outcome: "finished", error: null },
        { jobId: "b", outcome: "failed", error: "Buildkite answered 422: Job has already finished" },
        { jobId: "c", outcome: "failed", error: "network_error: connection reset" },
      ]).map((r) => [r.outcome, r.message]),
    ).toEqual([
      ["finished", "finished"],
      ["refused", "already finished"],
      ["refused", "network_error: connection reset"],
    ]);
  });

  it("a request that failed as a whole fails every job it carried", () => {
    const rows = failedRows("s", ["a", "b"], "permission_error: no");
    expect(rows.every((r) => r.outcome === "failed" && r.message === "permission_error: no")).toBe(true);
    expect(rows.some((r) => isSuccess(r.outcome))).toBe(false);
  });
});
