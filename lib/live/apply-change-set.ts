import { z } from "zod";
import type { SuccessEnvelope } from "../api/envelope";
import type { ChangeSet } from "../schemas/change-sets";
import type { ScheduledJob } from "../schemas/jobs";

export type ScheduledJobsEnvelope = SuccessEnvelope<ScheduledJob[]>;

const versionSchema = z.number().int();

/** The change-feed version a scheduled-jobs answer stands at; null for an answer from before versions. */
export function listVersion(envelope: ScheduledJobsEnvelope | undefined): number | null {
  const parsed = versionSchema.safeParse(envelope?.summary.version);
  return parsed.success ? parsed.data : null;
}

/**
 * The list after `change`, or null when it cannot be applied and the list must be read again (the change
 * was too large to send, or the result does not count what the server counts). Jobs that did not change
 * stay the same objects, so rows that did not change do not render again; the list stays oldest first,
 * as Buildkite sends it.
 */
export function applyChangeSet(jobs: ScheduledJob[], change: ChangeSet): ScheduledJob[] | null {
  if (change.reload) return null;
  // Only the pause state or completeness changed: the very same list, so nothing downstream recomputes.
  if (change.added.length + change.changed.length + change.removed.length === 0) {
    return jobs.length === change.count ? jobs : null;
  }
  const removed = new Set(change.removed);
  const changed = new Map(change.changed.map((job) => [job.id, job]));
  const next: ScheduledJob[] = [];
  for (const job of jobs) {
    if (removed.has(job.id)) continue;
    next.push(changed.get(job.id) ?? job);
    changed.delete(job.id);
  }
  // A job changed that this list never had: it has drifted from the server's.
  if (changed.size > 0) return null;
  if (change.added.length > 0) {
    const newest = next.at(-1)?.scheduledAt ?? "";
    next.push(...change.added);
    // New jobs are nearly always the newest; sort only when one is not (ISO times sort as text).
    if (change.added.some((job) => job.scheduledAt < newest)) {
      next.sort((a, b) => (a.scheduledAt < b.scheduledAt ? -1 : a.scheduledAt > b.scheduledAt ? 1 : 0));
    }
  }
  return next.length === change.count ? next : null;
}

/** The envelope the page holds, moved on to `change`'s version; null when the list must be read again. */
export function applyToEnvelope(envelope: ScheduledJobsEnvelope, change: ChangeSet): ScheduledJobsEnvelope | null {
  const jobs = applyChangeSet(envelope.data, change);
  if (jobs === null) return null;
  return {
    ...envelope,
    data: jobs,
    summary: {
      ...envelope.summary,
      count: jobs.length,
      complete: change.complete,
      dispatchPaused: change.dispatchPaused,
      oldestScheduledAt: jobs[0]?.scheduledAt ?? null,
      fetchedAt: change.at,
      version: change.version,
    },
  };
}
