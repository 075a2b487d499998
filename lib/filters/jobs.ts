import type { ScheduledJob } from "../schemas/jobs";

// What the operator narrowed the table to. It lives in the URL so a reload or a shared link shows the same
// rows in the same order.

export const sortFields = ["wait", "priority"] as const;
export type SortField = (typeof sortFields)[number];
export type SortDirection = "asc" | "desc";

export interface JobFilters {
  pipeline: string;
  branch: string;
  step: string;
  rules: string;
  /** Exactly these jobs (comma-separated ids), as a triage finding listed them; "" for no such limit. */
  jobs: string;
  /** What `jobs` came from, for the chip that says why the table is narrowed. */
  finding: string;
  sort: SortField;
  dir: SortDirection;
}

/** Longest-waiting first: the job most likely to be stuck is the one to look at. */
export const defaultFilters: JobFilters = {
  pipeline: "",
  branch: "",
  step: "",
  rules: "",
  jobs: "",
  finding: "",
  sort: "wait",
  dir: "desc",
};

const textKeys = ["pipeline", "branch", "step", "rules"] as const;
const urlKeys = [...textKeys, "jobs", "finding"] as const;

/** The ids a `jobs` filter names, or null when it names none (no limit). */
export function jobIdsFilter(filters: Pick<JobFilters, "jobs">): Set<string> | null {
  const ids = filters.jobs.split(",").filter((id) => id !== "");
  return ids.length > 0 ? new Set(ids) : null;
}

interface ParamsReader {
  get(name: string): string | null;
}

export function parseFilters(params: ParamsReader): JobFilters {
  const sort = params.get("sort");
  const dir = params.get("dir");
  return {
    pipeline: params.get("pipeline") ?? "",
    branch: params.get("branch") ?? "",
    step: params.get("step") ?? "",
    rules: params.get("rules") ?? "",
    jobs: params.get("jobs") ?? "",
    finding: params.get("finding") ?? "",
    sort: sortFields.find((field) => field === sort) ?? defaultFilters.sort,
    dir: dir === "asc" || dir === "desc" ? dir : defaultFilters.dir,
  };
}

/** Writes the filters into `params`, leaving defaults out so the plain page keeps a plain URL. */
export function writeFilters(params: URLSearchParams, filters: JobFilters): URLSearchParams {
  for (const key of urlKeys) {
    if (filters[key]) params.set(key, filters[key]);
    else params.delete(key);
  }
  for (const key of ["sort", "dir"] as const) {
    if (filters[key] !== defaultFilters[key]) params.set(key, filters[key]);
    else params.delete(key);
  }
  return params;
}

/** A key that changes exactly when the set or order of rows the operator asked for changes. */
export const filtersKey = (filters: JobFilters) =>
  JSON.stringify([
    ...textKeys.map((key) => filters[key].trim().toLowerCase()),
    filters.jobs,
    filters.sort,
    filters.dir,
  ]);

const contains = (value: string | null, needle: string) =>
  needle === "" || (value ?? "").toLowerCase().includes(needle);

/** The filters as one test of a job, with each needle lowered once rather than once per job. */
function matcher(filters: JobFilters): (job: ScheduledJob) => boolean {
  const [pipeline, branch, step, rules] = textKeys.map((key) => filters[key].trim().toLowerCase());
  const only = jobIdsFilter(filters);
  return (job) =>
    (only === null || only.has(job.id)) &&
    contains(job.pipeline.slug, pipeline ?? "") &&
    contains(job.build.branch, branch ?? "") &&
    contains(job.step.key, step ?? "") &&
    (!rules || job.agentQueryRules.some((rule) => rule.toLowerCase().includes(rules)));
}

const scheduledMs = (job: ScheduledJob) => {
  const ms = Date.parse(job.scheduledAt);
  return Number.isFinite(ms) ? ms : 0;
};

interface Keyed {
  job: ScheduledJob;
  /** Parsed once per job: a sort of 5000 compares some 60 000 times, and parsing dates there dominated. */
  ms: number;
}

function compare(a: Keyed, b: Keyed, filters: JobFilters): number {
  // Waiting longer means scheduled earlier; ties fall back to waiting time, then id, so the order is total.
  const byWait = a.ms - b.ms;
  const byId = a.job.id < b.job.id ? -1 : a.job.id > b.job.id ? 1 : 0;
  if (filters.sort === "priority") {
    const byPriority = a.job.priority - b.job.priority;
    return (filters.dir === "asc" ? byPriority : -byPriority) || byWait || byId;
  }
  return (filters.dir === "desc" ? byWait : -byWait) || byId;
}

/** The ids of the jobs that pass the filters, in the requested order. */
export function filterAndSort(jobs: readonly ScheduledJob[], filters: JobFilters): string[] {
  const matches = matcher(filters);
  const keyed: Keyed[] = [];
  for (const job of jobs) if (matches(job)) keyed.push({ job, ms: scheduledMs(job) });
  return keyed.sort((a, b) => compare(a, b, filters)).map(({ job }) => job.id);
}

/** A job by full id or by an id prefix (what an operator copies from a log or a chat). */
export function findJobId(ids: readonly string[], query: string): string | undefined {
  const needle = query.trim().toLowerCase();
  if (needle === "") return undefined;
  return ids.find((id) => id.toLowerCase() === needle) ?? ids.find((id) => id.toLowerCase().startsWith(needle));
}

export const shortId = (id: string) => id.slice(0, 8);
