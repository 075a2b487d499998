/**
 * The simulated organisation's data. Jobs hang off builds which hang off pipelines, so the REST half can
 * serve the very same jobs (same UUIDs) the Stacks half lists. Times are epoch milliseconds of the
 * simulated clock.
 */
export const JOB_STATES = [
  "pending",
  "waiting",
  "waiting_failed",
  "blocked",
  "blocked_failed",
  "unblocked",
  "unblocked_failed",
  "limiting",
  "limited",
  "scheduled",
  "reserved",
  "assigned",
  "accepted",
  "running",
  "finished",
  "canceling",
  "canceled",
  "expired",
  "timing_out",
  "timed_out",
  "skipped",
  "broken",
] as const;
export type JobState = (typeof JOB_STATES)[number];

export const TERMINAL_JOB_STATES: ReadonlySet<JobState> = new Set([
  "finished",
  "canceled",
  "expired",
  "timed_out",
  "skipped",
  "broken",
  "waiting_failed",
  "blocked_failed",
  "unblocked_failed",
]);

export type BuildState = "scheduled" | "running" | "passed" | "failed" | "failing" | "canceling" | "canceled";

/** Where a build came from, as the REST API's `source` says. */
export type BuildSource = "webhook" | "ui" | "api" | "schedule" | "trigger_job";

export type JobType = "script" | "waiter" | "manual" | "trigger";

/** What a script job's log looks like: the usual kind, one of 100 MB+, or one thick with colour. */
export type LogProfile = "standard" | "large" | "colour";

export interface Pipeline {
  uuid: string;
  slug: string;
  name: string;
  repository: string;
  defaultBranch: string;
}

export interface Build {
  uuid: string;
  number: number;
  pipelineSlug: string;
  branch: string | null;
  commit: string;
  message: string;
  author: { name: string; email: string };
  state: BuildState;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  jobIds: string[];
  /** Waiting on a manual (block) step; the build keeps its previous `state`. */
  blocked: boolean;
  source: BuildSource;
  metaData: Record<string, string>;
  /**
   * A showcase build of the REST history: background activity never runs its jobs nor prunes it, so
   * the ids `/__sim/fixtures` hands out stay valid for as long as the simulator runs.
   */
  pinned: boolean;
  /** Set on a rebuild: the build it repeats. */
  rebuiltFromUuid: string | null;
  /**
   * Served as buildkite/cli's captured build list shows a creator: its ids only, with no name or email,
   * so the console is tested against a creator it cannot name.
   */
  creatorIdsOnly: boolean;
  /** Who started the build when it was not the commit's author (a build created through the API); else the author. */
  creator?: User;
}

export interface StackNotification {
  detail: string;
  timestamp: number;
  createdAt: number;
}

export interface SimReservation {
  stackKey: string;
  expiresAt: number;
}

export interface Job {
  uuid: string;
  /** Creation order; breaks scheduled_at ties so the list order and its cursors are total. */
  seq: number;
  type: JobType;
  label: string;
  stepKey: string | null;
  command: string;
  env: Record<string, string>;
  agentQueryRules: string[];
  queueKey: string;
  priority: number;
  state: JobState;
  buildUuid: string;
  pipelineSlug: string;
  createdAt: number;
  scheduledAt: number;
  /** Null for jobs created before Buildkite started sending runnable_at; they omit the field. */
  runnableAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  exitStatus: number | null;
  agentName: string | null;
  reservation: SimReservation | null;
  notifications: StackNotification[];
  /** Set only when a stack finished the job itself: the build page shows it as a special notice. */
  finishedDetail: string | null;
  finishedByStack: string | null;
  /** Failed, but allowed to: the build does not fail because of it. */
  softFailed: boolean;
  retried: boolean;
  retriedInJobId: string | null;
  retriesCount: number;
  retrySource: { jobId: string; retryType: "manual" | "automatic" } | null;
  /** Trigger jobs only: the build they started. */
  triggeredBuildUuid: string | null;
  logProfile: LogProfile;
  /** Block steps only: who let the build continue, and when. */
  unblockedBy: User | null;
  unblockedAt: number | null;
}

export interface User {
  name: string;
  email: string;
}

/**
 * How the Stacks API's list names a queue's pause flag in `cluster_queue`: the docs say `dispatch_paused`,
 * the official Go client reads `paused`. Queues differ (see seed.ts) so the console meets both.
 */
export type PausedField = "dispatch_paused" | "paused";

export interface Queue {
  id: string;
  key: string;
  description: string | null;
  createdAt: number;
  pausedField: PausedField;
  paused: boolean;
  pauseNote: string | null;
  pausedBy: User | null;
  pausedAt: number | null;
}

/** The one cluster every queue belongs to; the Stacks API's cluster token is this cluster's. */
export interface SimCluster {
  id: string;
  name: string;
  description: string;
  defaultQueueKey: string;
  createdAt: number;
}

export interface SimStack {
  id: string;
  key: string;
  type: "custom" | "kubernetes" | "elastic";
  queueKey: string;
  metadata: Record<string, string>;
  lastConnectedOn: number | null;
}

export interface Organization {
  slug: string;
  uuid: string;
}
