// Build states the REST API filters by (https://buildkite.com/docs/apis/rest-api/builds); `finished` stands
// for passed, failed, blocked and canceled. Shared with the browser so its filter offers exactly these.
export const buildStates = [
  "creating",
  "scheduled",
  "running",
  "passed",
  "failing",
  "failed",
  "blocked",
  "canceling",
  "canceled",
  "skipped",
  "not_run",
  "finished",
] as const;
export type BuildStateFilter = (typeof buildStates)[number];
