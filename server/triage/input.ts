import "server-only";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { QueuePause } from "@/lib/schemas/queue";

/** How long a job may wait before triage flags it, unless WAIT_SLO_SECONDS says otherwise. */
export const DEFAULT_WAIT_SLO_SECONDS = 300;

/** An agent as triage needs it; the REST agents read maps into this. */
export interface TriageAgent {
  id: string;
  name: string;
  connected: boolean;
  busy: boolean;
  /** `key=value` strings from the agent's meta-data. */
  tags: string[];
  /** When it took its current job (ms since the epoch), if known. */
  busySince?: number;
}

/** A reservation the console made (from the reservations ledger). */
export interface TriageReservation {
  jobId: string;
  /** ms since the epoch. */
  expiresAt: number;
  /** The job ran or was finished since, so the reservation's end needs no attention. */
  finished: boolean;
  reservedBy?: string;
}

export interface TriageQueue {
  key: string;
  dispatchPaused: boolean;
  pause: QueuePause | null;
}

export interface TriageInput {
  /** ms since the epoch. */
  now: number;
  /** The queue's scheduled jobs, as the shared snapshot holds them. */
  jobs: readonly ScheduledJob[];
  queue: TriageQueue;
  agents: readonly TriageAgent[];
  reservations?: readonly TriageReservation[];
  /** Build states (Buildkite's words: running, passed, canceled…) keyed by `buildStateKey`. */
  buildStates?: ReadonlyMap<string, string>;
  /** default 300 (WAIT_SLO_SECONDS). */
  waitSloSeconds?: number;
  /** The queue a job without a queue rule, or an agent without a queue tag, belongs to; default "default". */
  defaultQueue?: string;
}

/**
 * A build's key in `buildStates`: its UUID when known, else `pipeline-slug#number`. A job's build is looked
 * up by both, so a map keyed either way works.
 */
export function buildStateKeys(build: ScheduledJob["build"], pipeline: ScheduledJob["pipeline"]): string[] {
  const keys: string[] = [];
  if (build.uuid) keys.push(build.uuid);
  if (pipeline.slug && build.number !== null) keys.push(`${pipeline.slug}#${build.number}`);
  return keys;
}
