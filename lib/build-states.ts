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

/** builds.list's `summary.states`: how many of the listed builds are in each state. */
export function countBuildStates(builds: readonly { state: string }[]): Record<string, number> {
  const states: Record<string, number> = {};
  for (const build of builds) states[build.state] = (states[build.state] ?? 0) + 1;
  return states;
}
