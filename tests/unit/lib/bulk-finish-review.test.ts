import { describe, expect, it } from "vitest";
import {
  countByPipeline,
  departedJobs,
  departureNotice,
  needsTypedCount,
  noTrackedJobs,
  trackSelection,
  typedCountMatches,
  type ReviewJob,
} from "@/lib/bulk-finish-review";

const id = (n: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`;
const jobs = (pipeline: string | null, count: number, from = 0): ReviewJob[] =>
  Array.from({ length: count }, (_, i) => ({ id: id(from + i), pipeline }));

describe("countByPipeline", () => {
  it("counts jobs per pipeline, most first, ties by name, with jobs of no known pipeline counted together", () => {
    const all = [...jobs("docs", 3), ...jobs("web", 40, 10), ...jobs(null, 3, 60), ...jobs("api", 12, 70)];
    expect(countByPipeline(all)).toEqual([
      { pipeline: "web", count: 40 },
      { pipeline: "api", count: 12 },
      { pipeline: "docs", count: 3 },
      { pipeline: "unknown pipeline", count: 3 },
    ]);
  });
});

describe("typed count", () => {
  it("is asked for above 50 jobs only", () => {
    expect(needsTypedCount(50)).toBe(false);
    expect(needsTypedCount(51)).toBe(true);
  });

  it("matches only the number itself", () => {
    expect(typedCountMatches("55", 55)).toBe(true);
    expect(typedCountMatches(" 55 ", 55)).toBe(true);
    for (const typed of ["", "54", "5 5", "55.0", "055", "+55", "55 jobs"])
      expect(typedCountMatches(typed, 55)).toBe(false);
  });
});

describe("jobs that leave the queue while the finish form is open", () => {
  const pipelines = new Map([
    [id(1), "web"],
    [id(2), "api"],
    [id(3), "docs"],
  ]);
  const pipelineOf = (jobId: string) => pipelines.get(jobId) ?? null;

  it("are kept with their pipeline, while jobs the operator deselects are dropped", () => {
    const opened = trackSelection(noTrackedJobs, [id(1), id(2), id(3)], () => true, pipelineOf);
    const queue = new Set([id(1), id(3), id(4)]);
    // id(2) left the queue; id(3) is still there but deselected; id(4) was selected meanwhile.
    const selected = [id(1), id(4)];
    const later = trackSelection(opened, selected, (jobId) => queue.has(jobId), pipelineOf);
    expect(departedJobs(later, selected)).toEqual([{ id: id(2), pipeline: "api" }]);
    expect([...later.keys()]).toEqual([id(1), id(2), id(4)]);
  });

  it("stop counting as departed when they come back", () => {
    const opened = trackSelection(noTrackedJobs, [id(1), id(2)], () => true, pipelineOf);
    const gone = trackSelection(opened, [id(1)], (jobId) => jobId !== id(2), pipelineOf);
    const back = trackSelection(gone, [id(1), id(2)], () => true, pipelineOf);
    expect(departedJobs(back, [id(1), id(2)])).toEqual([]);
  });

  it("are named with short ids and pipelines, the rest counted", () => {
    expect(departureNotice([], 4)).toBeNull();
    expect(departureNotice(jobs("web", 3), 7)).toBe(
      "3 of the 10 selected jobs left the queue: 00000000 (web), 00000001 (web), 00000002 (web).",
    );
    expect(departureNotice(jobs(null, 7), 0)).toBe(
      "All 7 selected jobs left the queue: 00000000 (unknown pipeline), 00000001 (unknown pipeline), " +
        "00000002 (unknown pipeline), 00000003 (unknown pipeline), 00000004 (unknown pipeline), and 2 more.",
    );
    expect(departureNotice(jobs("api", 1), 0)).toBe("The selected job left the queue: 00000000 (api).");
  });
});
