import { describe, expect, test } from "vitest";
import {
  defaultFilters,
  filterAndSort,
  findJobId,
  jobIdsFilter,
  parseFilters,
  filtersKey,
  writeFilters,
  type JobFilters,
} from "@/lib/filters/jobs";
import type { ScheduledJob } from "@/lib/schemas/jobs";

function job(
  id: string,
  over: { priority?: number; at?: string; pipeline?: string; branch?: string; step?: string; rules?: string[] } = {},
): ScheduledJob {
  return {
    id,
    priority: over.priority ?? 0,
    agentQueryRules: over.rules ?? ["queue=_default"],
    scheduledAt: over.at ?? "2026-11-20T09:00:00.000Z",
    runnableAt: null,
    pipeline: { slug: over.pipeline ?? "web", uuid: null },
    build: { uuid: null, number: 1, branch: over.branch ?? "main" },
    step: { key: over.step ?? "test" },
  };
}

const jobs = [
  job("c", {
    at: "2026-11-20T09:03:00.000Z",
    priority: 5,
    pipeline: "api",
    branch: "feature/x",
    rules: ["queue=_default", "os=linux"],
  }),
  job("a", { at: "2026-11-20T09:01:00.000Z", priority: 1, pipeline: "web", step: "lint" }),
  job("b", { at: "2026-11-20T09:02:00.000Z", priority: 5, pipeline: "Web-Admin" }),
];
const view = (over: Partial<JobFilters>) => ({ ...defaultFilters, ...over });

describe("filters in the URL", () => {
  test("a written view reads back the same, and defaults stay out of the URL", () => {
    const filters = view({ pipeline: "web", rules: "os=linux", sort: "priority", dir: "asc" });
    const params = writeFilters(new URLSearchParams("queue=q1&job=x"), filters);
    expect(parseFilters(params)).toEqual(filters);
    expect(params.get("queue")).toBe("q1");
    expect(writeFilters(new URLSearchParams("pipeline=web&sort=priority"), defaultFilters).toString()).toBe("");
  });

  test("unknown sort values fall back to the default instead of breaking the page", () => {
    expect(parseFilters(new URLSearchParams("sort=drop&dir=sideways"))).toEqual(defaultFilters);
  });

  test("the view key ignores case and surrounding spaces but not the sort", () => {
    expect(filtersKey(view({ pipeline: " Web " }))).toBe(filtersKey(view({ pipeline: "web" })));
    expect(filtersKey(view({ dir: "asc" }))).not.toBe(filtersKey(defaultFilters));
  });
});

describe("a finding's jobs filter", () => {
  const finding = view({ jobs: "c,a", finding: "No agent matches" });

  test("keeps exactly the listed jobs, with the other filters and the sort still applied", () => {
    expect(filterAndSort(jobs, finding)).toEqual(["a", "c"]);
    expect(filterAndSort(jobs, { ...finding, pipeline: "api" })).toEqual(["c"]);
    expect(jobIdsFilter(view({}))).toBeNull();
    expect(jobIdsFilter(finding)).toEqual(new Set(["c", "a"]));
  });

  test("lives in the URL with the finding it came from, and changes the view key", () => {
    const params = writeFilters(new URLSearchParams(), finding);
    expect(params.get("jobs")).toBe("c,a");
    expect(params.get("finding")).toBe("No agent matches");
    expect(parseFilters(params)).toEqual(finding);
    expect(filtersKey(finding)).not.toBe(filtersKey(view({})));
  });
});

describe("filterAndSort", () => {
  test("default order is longest waiting first", () => {
    expect(filterAndSort(jobs, defaultFilters)).toEqual(["a", "b", "c"]);
    expect(filterAndSort(jobs, view({ dir: "asc" }))).toEqual(["c", "b", "a"]);
  });

  test("priority sorts high first, ties broken by waiting time", () => {
    expect(filterAndSort(jobs, view({ sort: "priority" }))).toEqual(["b", "c", "a"]);
    expect(filterAndSort(jobs, view({ sort: "priority", dir: "asc" }))).toEqual(["a", "b", "c"]);
  });

  test("text filters match case-insensitive substrings and combine", () => {
    expect(filterAndSort(jobs, view({ pipeline: "WEB" }))).toEqual(["a", "b"]);
    expect(filterAndSort(jobs, view({ pipeline: "web", step: "lint" }))).toEqual(["a"]);
    expect(filterAndSort(jobs, view({ rules: "linux" }))).toEqual(["c"]);
    expect(filterAndSort(jobs, view({ branch: "feature" }))).toEqual(["c"]);
    expect(filterAndSort(jobs, view({ step: "x" }))).toEqual([]);
  });
});

test("findJobId takes a full id or a prefix, exact match first", () => {
  const ids = ["0190aa11-2222", "0190aa", "77ff0000-1111"];
  expect(findJobId(ids, "0190AA")).toBe("0190aa");
  expect(findJobId(ids, "77ff")).toBe("77ff0000-1111");
  expect(findJobId(ids, "  ")).toBeUndefined();
  expect(findJobId(ids, "88")).toBeUndefined();
});
