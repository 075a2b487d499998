import { describe, expect, it } from "vitest";

import { HttpError } from "@/server/simulator/http-errors";
import { paginate } from "@/server/simulator/rest-pagination";

const items = Array.from({ length: 7 }, (_, i) => i + 1);
const url = (query: string) => new URL(`http://127.0.0.1:4010/v2/organizations/acme/clusters?${query}`);

describe("simulated REST pagination", () => {
  it("serves one page and links to the next and last", () => {
    const page = paginate(url("per_page=3"), items);
    expect(page.items).toEqual([1, 2, 3]);
    expect(page.headers.Link).toBe(
      '<http://127.0.0.1:4010/v2/organizations/acme/clusters?per_page=3&page=2>; rel="next", ' +
        '<http://127.0.0.1:4010/v2/organizations/acme/clusters?per_page=3&page=3>; rel="last"',
    );
  });

  it("links a middle page both ways and the last page only back", () => {
    expect(paginate(url("page=2&per_page=3"), items).headers.Link).toMatch(
      /rel="first".*rel="prev".*rel="next".*rel="last"/,
    );
    const last = paginate(url("page=3&per_page=3"), items);
    expect(last.items).toEqual([7]);
    expect(last.headers.Link).not.toContain('rel="next"');
  });

  it("sends no Link header when everything fits on one page", () => {
    expect(paginate(url(""), items)).toEqual({ items, headers: {} });
  });

  it("refuses a page that is not a positive integer", () => {
    expect(() => paginate(url("page=0"), items)).toThrow(HttpError);
    expect(() => paginate(url("per_page=x"), items)).toThrow(HttpError);
  });
});
