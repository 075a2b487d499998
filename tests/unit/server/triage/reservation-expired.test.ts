import { describe, expect, test } from "vitest";
import { computeFindings } from "@/server/triage/findings";
import { input, NOW } from "./triage-input";

describe("reservation_expired", () => {
  const minutes = (n: number) => n * 60_000;

  test("names the jobs the console reserved whose reservation ran out unfinished", () => {
    const reservations = [
      { jobId: "a", expiresAt: NOW - minutes(10), finished: false, reservedBy: "ada" },
      { jobId: "b", expiresAt: NOW - minutes(2), finished: false, reservedBy: "bob" },
      { jobId: "c", expiresAt: NOW - minutes(5), finished: true, reservedBy: "ada" },
      { jobId: "d", expiresAt: NOW + minutes(5), finished: false, reservedBy: "ada" },
    ];
    const [finding, ...rest] = computeFindings(input({ reservations }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: "reservation_expired", jobIds: ["a", "b"], count: 2 });
    expect(finding!.since).toBe(new Date(NOW - minutes(10)).toISOString());
    expect(finding!.explanation).toBe(
      "2 jobs reserved through the console by ada and bob were never finished and their reservations ran out, the first 10m 00s ago.",
    );
  });

  test("clears once the job is finished", () => {
    const reservations = [{ jobId: "a", expiresAt: NOW - minutes(1), finished: true }];
    expect(computeFindings(input({ reservations }))).toEqual([]);
  });
});
