// Which of the drawer's actions Buildkite would take for a job in a given state (see the Stacks API's
// semantics in https://buildkite.com/docs/apis/agent-api/stacks). The drawer offers only these; for the
// rest it says why not, instead of a form Buildkite would refuse.

/** States after which a job never runs again; Buildkite records a finish time for them. */
export const ENDED_STATES: ReadonlySet<string> = new Set([
  "finished",
  "canceled",
  "expired",
  "timed_out",
  "skipped",
  "broken",
]);

/** Buildkite refuses notifications for a job that finished longer ago than this. */
export const NOTIFY_AFTER_FINISH_MS = 300_000;

export interface JobTiming {
  /** When the job ended (ms since the epoch), if anything the console read says so. */
  finishedAt: number | null;
  now: number;
}

// Each check answers null when the action is offered, otherwise why it is not, in one sentence. An
// undefined state means Buildkite has not answered yet.

const CHECKING = "Waiting for the job's state from Buildkite.";
const waiting = (state: string) => state === "scheduled" || state === "reserved";
const theJobIs = (state: string) => `The job is ${state.replaceAll("_", " ")}`;

export function reserveBlocked(state: string | undefined): string | null {
  if (state === undefined) return CHECKING;
  return waiting(state) ? null : `${theJobIs(state)}: only a scheduled job can be reserved.`;
}

export function finishBlocked(state: string | undefined): string | null {
  if (state === undefined) return CHECKING;
  return waiting(state) ? null : `${theJobIs(state)}: only a scheduled or reserved job can be finished from here.`;
}

export function notifyBlocked(state: string | undefined, { finishedAt, now }: JobTiming): string | null {
  if (state === undefined) return CHECKING;
  if (!ENDED_STATES.has(state)) return null;
  if (finishedAt === null)
    return `${theJobIs(state)}, and Buildkite takes notifications only within 5 minutes of a job ending; when it ended is not known.`;
  if (now - finishedAt > NOTIFY_AFTER_FINISH_MS)
    return `${theJobIs(state)}: Buildkite takes no notifications more than 5 minutes after a job ends.`;
  return null;
}
