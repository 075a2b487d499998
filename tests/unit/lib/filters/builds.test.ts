import { describe, expect, it } from "vitest";
import { buildFiltersSearch, buildsListApiQuery, parseBuildFilters } from "@/lib/filters/builds";

describe("builds list filters in the URL", () => {
  it("reads every filter and the page, trimming text", () => {
    expect(parseBuildFilters(new URLSearchParams("pipeline=%20web%20&branch=main&state=finished&page=3"))).toEqual({
      pipeline: "web",
      branch: "main",
      state: "finished",
      page: 3,
    });
  });

  it("falls back to any state and page 1 for values Buildkite would refuse", () => {
    expect(parseBuildFilters(new URLSearchParams("state=exploded&page=0"))).toEqual({
      pipeline: "",
      branch: "",
      state: "",
      page: 1,
    });
    expect(parseBuildFilters(new URLSearchParams("page=2.5")).page).toBe(1);
    expect(parseBuildFilters(new URLSearchParams("page=abc")).page).toBe(1);
  });

  it("writes only what differs from the defaults, and round-trips", () => {
    expect(buildFiltersSearch({ pipeline: "", branch: "", state: "", page: 1 })).toBe("");
    const filters = { pipeline: "web", branch: "feature/*", state: "failed", page: 2 };
    const search = buildFiltersSearch(filters);
    expect(search).toBe("?pipeline=web&branch=feature%2F*&state=failed&page=2");
    expect(parseBuildFilters(new URLSearchParams(search))).toEqual(filters);
  });

  it("always asks the BFF for a page and a page size", () => {
    expect(buildsListApiQuery({ pipeline: "", branch: "", state: "", page: 1 })).toEqual({ page: "1", perPage: "30" });
    expect(buildsListApiQuery({ pipeline: "web", branch: "main", state: "running", page: 4 })).toEqual({
      page: "4",
      perPage: "30",
      pipeline: "web",
      branch: "main",
      state: "running",
    });
  });
});
