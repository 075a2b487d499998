import "server-only";
import type { ChangeCause, ChangeSet } from "@/lib/schemas/change-sets";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import type { ChangeLog } from "./change-log";
import { diffSnapshot, nextVersion } from "./snapshot-diff";

/** Past this many added or changed jobs a change set says "read the list again" instead of carrying them. */
export const MAX_JOBS_PER_CHANGE = 1000;

export interface ReadQueue {
  topic: string;
  queueKey: string;
  jobs: readonly ScheduledJob[];
  dispatchPaused: boolean;
  complete: boolean;
  readAt: number;
  cause: ChangeCause;
}

/**
 * Commits what a fresh read of a queue changed and answers the version the read stands at. Only the
 * instance that read Buildkite calls this, so each change is computed once and heard everywhere.
 */
export async function recordSnapshot(log: ChangeLog, read: ReadQueue): Promise<number> {
  // Another instance's commit between our compare and our commit means diffing again against it; losing
  // three times in a row means others are committing reads at least as new as this one.
  for (let attempt = 0; attempt < 3; attempt++) {
    const previous = await log.state(read.topic);
    const diff = diffSnapshot(previous, read);
    if (previous !== null && diff.unchanged) return previous.version;
    const version = nextVersion(previous?.version ?? null, Date.now());
    const next = {
      version,
      fingerprints: diff.fingerprints,
      dispatchPaused: read.dispatchPaused,
      complete: read.complete,
    };
    const tooMany = diff.added.length + diff.changed.length > MAX_JOBS_PER_CHANGE;
    // The first read of a queue has nothing to follow: a stream opened before it says "read the list".
    const change: ChangeSet | null =
      previous === null
        ? null
        : {
            version,
            previousVersion: previous.version,
            queueKey: read.queueKey,
            at: new Date(read.readAt).toISOString(),
            cause: read.cause,
            dispatchPaused: read.dispatchPaused,
            complete: read.complete,
            count: read.jobs.length,
            added: tooMany ? [] : diff.added,
            changed: tooMany ? [] : diff.changed,
            removed: tooMany ? [] : diff.removed,
            reload: tooMany,
          };
    if (await log.commit(read.topic, previous?.version ?? null, next, change)) return version;
  }
  return (await log.state(read.topic))?.version ?? 0;
}
