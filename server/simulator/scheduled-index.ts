import type { Job } from "./model";

export interface SortKey {
  scheduledAt: number;
  seq: number;
}

function compare(a: SortKey, b: SortKey): number {
  return a.scheduledAt - b.scheduledAt || a.seq - b.seq;
}

/**
 * The listable (scheduled, unreserved) jobs of one queue, kept sorted oldest first. A page is a binary
 * search plus a slice, so listing 1000 of 5000 jobs never scans or sorts the whole set.
 */
export class ScheduledIndex {
  private readonly jobs: Job[] = [];

  get size(): number {
    return this.jobs.length;
  }

  insert(job: Job): void {
    const at = this.firstAfter(job, true);
    this.jobs.splice(at, 0, job);
  }

  remove(job: Job): void {
    const at = this.firstAfter(job, true);
    if (this.jobs[at]?.uuid === job.uuid) this.jobs.splice(at, 1);
  }

  page(after: SortKey | null, limit: number): { jobs: Job[]; hasNextPage: boolean } {
    const start = after === null ? 0 : this.firstAfter(after, false);
    return { jobs: this.jobs.slice(start, start + limit), hasNextPage: start + limit < this.jobs.length };
  }

  /** Index of the first job sorting after `key` (or at it, when `inclusive`). */
  private firstAfter(key: SortKey, inclusive: boolean): number {
    let low = 0;
    let high = this.jobs.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const job = this.jobs[mid];
      const order = job === undefined ? 1 : compare(job, key);
      if (order < 0 || (!inclusive && order === 0)) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** Cursors are opaque to clients; the position survives jobs vanishing between pages. */
export function encodeCursor(key: SortKey): string {
  return Buffer.from(`v1:${key.scheduledAt}:${key.seq}`).toString("base64url");
}

export function decodeCursor(cursor: string): SortKey | null {
  const match = /^v1:(\d+):(\d+)$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (match === null) return null;
  return { scheduledAt: Number(match[1]), seq: Number(match[2]) };
}
