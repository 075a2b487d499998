import { describe, expect, it } from "vitest";
import {
  NO_ANSWER_REASON,
  NOT_RESERVED_REASON,
  countOutcomes,
  failuresFirst,
  finishRows,
  reserveRows,
  summarize,
} from "@/lib/bulk-results";

const [a, b, c, d] = ["a", "b", "c", "d"].map((x) => `${x.repeat(8)}-0000-0000-0000-000000000000`) as [
  string,
  string,
  string,
  string,
];

describe("reserveRows", () => {
  it("gives one row per requested job in the order asked for, with a reason for each job not reserved", () => {
    const rows = reserveRows([a, b, c], { reserved: [c, a], notReserved: [b] });
    expect(rows).toEqual([
      { jobId: a, outcome: "reserved", reason: null },
      { jobId: b, outcome: "not reserved", reason: NOT_RESERVED_REASON },
      { jobId: c, outcome: "reserved", reason: null },
    ]);
  });

  it("never reports a job the answer does not mention as reserved", () => {
    const rows = reserveRows([a, b], { reserved: [a], notReserved: [] });
    expect(rows[1]).toMatchObject({ jobId: b, outcome: "unknown" });
    expect(rows[1]?.reason).toBeTruthy();
  });
});

describe("finishRows", () => {
  const outcomes = [
    { jobId: c, outcome: "finished" as const, error: null },
    { jobId: a, outcome: "failed" as const, error: "Job is already finished" },
  ];

  it("lists outcomes as they arrive while the run is going, carrying each failure's reason", () => {
    expect(finishRows([a, b, c], outcomes, false)).toEqual([
      { jobId: c, outcome: "finished", reason: null },
      { jobId: a, outcome: "failed", reason: "Job is already finished" },
    ]);
  });

  it("marks jobs without an answer as unknown once the run has ended", () => {
    const rows = finishRows([a, b, c], outcomes, true);
    expect(rows).toHaveLength(3);
    expect(rows[2]).toEqual({ jobId: b, outcome: "unknown", reason: NO_ANSWER_REASON });
  });
});

describe("counts and summary", () => {
  it("counts each outcome and names only the non-zero ones, successes first", () => {
    const rows = finishRows(
      [a, b, c, d],
      [
        { jobId: a, outcome: "failed", error: "gone" },
        { jobId: b, outcome: "finished", error: null },
        { jobId: c, outcome: "finished", error: null },
      ],
      true,
    );
    const counts = countOutcomes(rows);
    expect(counts).toEqual({ reserved: 0, "not reserved": 0, finished: 2, failed: 1, unknown: 1 });
    expect(summarize(counts)).toBe("2 finished, 1 failed, 1 unknown");
    expect(summarize(countOutcomes(reserveRows([a, b], { reserved: [a], notReserved: [b] })))).toBe(
      "1 reserved, 1 not reserved",
    );
  });
});

describe("failuresFirst", () => {
  it("puts the jobs needing attention on top, keeping the original order within each group", () => {
    const rows = reserveRows([a, b, c, d], { reserved: [a, c], notReserved: [b, d] });
    expect(failuresFirst(rows).map((row) => row.jobId)).toEqual([b, d, a, c]);
  });
});
