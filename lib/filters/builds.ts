// The builds list's filters and page live in the URL (`/builds?pipeline=&branch=&state=&page=`), so a
// reload, the back button or a shared link reproduces the same list. Parsed on both sides: the page's
// server prefetch and the browser read the same search params the same way.

import { buildStates } from "../build-states";

export interface BuildFilters {
  pipeline: string;
  branch: string;
  /** One of `buildStates`, or "" for any state. */
  state: string;
  page: number;
}

export const BUILDS_PER_PAGE = 30;

export const noBuildFilters: BuildFilters = { pipeline: "", branch: "", state: "", page: 1 };

interface ReadableParams {
  get(name: string): string | null;
}

/** Reads the filters from search params; unknown states and bad page numbers fall back to "any" and 1. */
export function parseBuildFilters(params: ReadableParams): BuildFilters {
  const state = params.get("state") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    pipeline: (params.get("pipeline") ?? "").trim(),
    branch: (params.get("branch") ?? "").trim(),
    state: (buildStates as readonly string[]).includes(state) ? state : "",
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The page's search string for `filters`, leaving out what is at its default so links stay short. */
export function buildFiltersSearch(filters: BuildFilters): string {
  const params = new URLSearchParams();
  if (filters.pipeline) params.set("pipeline", filters.pipeline);
  if (filters.branch) params.set("branch", filters.branch);
  if (filters.state) params.set("state", filters.state);
  if (filters.page > 1) params.set("page", String(filters.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** The BFF's `builds.list` query for `filters`. */
export function buildsListApiQuery(filters: BuildFilters): Record<string, string> {
  const query: Record<string, string> = { page: String(filters.page), perPage: String(BUILDS_PER_PAGE) };
  if (filters.pipeline) query.pipeline = filters.pipeline;
  if (filters.branch) query.branch = filters.branch;
  if (filters.state) query.state = filters.state;
  return query;
}
