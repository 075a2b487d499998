import { describe, expect, it } from "vitest";

import { pageNumber, parseLinkHeader } from "@/server/buildkite/link-header";

const base = "https://api.buildkite.com/v2/organizations/acme/builds";

describe("parseLinkHeader", () => {
  it("reads every relation Buildkite sends", () => {
    const header =
      `<${base}?page=1&per_page=30>; rel="first", <${base}?page=2&per_page=30>; rel="prev", ` +
      `<${base}?page=4&per_page=30>; rel="next", <${base}?page=6&per_page=30>; rel="last"`;
    expect(parseLinkHeader(header)).toEqual({
      first: `${base}?page=1&per_page=30`,
      prev: `${base}?page=2&per_page=30`,
      next: `${base}?page=4&per_page=30`,
      last: `${base}?page=6&per_page=30`,
    });
  });

  it("keeps commas inside a URL and accepts unquoted and multi-valued rels", () => {
    const header = `<${base}?branch=a,b&page=2>; rel=next, <${base}?page=9>; title="x"; rel="last LAST"`;
    expect(parseLinkHeader(header)).toEqual({ next: `${base}?branch=a,b&page=2`, last: `${base}?page=9` });
  });

  it("is empty when there is no header, which means the last page", () => {
    expect(parseLinkHeader(undefined)).toEqual({});
    expect(parseLinkHeader("")).toEqual({});
    expect(parseLinkHeader("garbage; rel=next")).toEqual({});
  });
});

describe("pageNumber", () => {
  it("reads the page parameter of a link", () => {
    expect(pageNumber(`${base}?page=4&per_page=30`)).toBe(4);
  });

  it("is null without a usable page", () => {
    expect(pageNumber(undefined)).toBeNull();
    expect(pageNumber(`${base}?per_page=30`)).toBeNull();
    expect(pageNumber(`${base}?page=two`)).toBeNull();
    expect(pageNumber("not a url")).toBeNull();
  });
});
