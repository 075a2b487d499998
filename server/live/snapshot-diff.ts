import "server-only";
import { createHash } from "node:crypto";
import type { ScheduledJob } from "@/lib/schemas/jobs";

/**
 * What the change feed remembers of a queue between reads: each job's fingerprint, not the job. 5000 jobs
 * fit in about 150 KB this way, so the state can live in Redis and be compared on whichever instance read.
 */
export interface FeedState {
  version: number;
  fingerprints: Record<string, string>;
  dispatchPaused: boolean;
  complete: boolean;
}

export interface SnapshotDiff {
  added: ScheduledJob[];
  changed: ScheduledJob[];
  removed: string[];
  fingerprints: Record<string, string>;
  /** True when nothing a viewer sees differs from `previous`. */
  unchanged: boolean;
}

/** 96 bits of SHA-1: a collision between two states of one job is not a concern; speed is. */
export const fingerprint = (job: ScheduledJob) =>
  createHash("sha1").update(JSON.stringify(job)).digest("base64url").slice(0, 16);

export function diffSnapshot(
  previous: FeedState | null,
  next: { jobs: readonly ScheduledJob[]; dispatchPaused: boolean; complete: boolean },
): SnapshotDiff {
  const fingerprints: Record<string, string> = {};
  const added: ScheduledJob[] = [];
  const changed: ScheduledJob[] = [];
  const before = previous?.fingerprints ?? {};
  for (const job of next.jobs) {
    const print = fingerprint(job);
    fingerprints[job.id] = print;
    const was = before[job.id];
    if (was === undefined) added.push(job);
    else if (was !== print) changed.push(job);
  }
  const removed = Object.keys(before).filter((id) => fingerprints[id] === undefined);
  const unchanged =
    previous !== null &&
    added.length === 0 &&
    changed.length === 0 &&
    removed.length === 0 &&
    previous.dispatchPaused === next.dispatchPaused &&
    previous.complete === next.complete;
  return { added, changed, removed, fingerprints, unchanged };
}

/**
 * Versions only grow, across restarts, Redis flushes and instances that fell back to their own memory: a
 * browser never meets a version lower than one it has, which it would take for a change it already holds.
 */
export const nextVersion = (previous: number | null, now: number) => Math.max((previous ?? 0) + 1, now);
