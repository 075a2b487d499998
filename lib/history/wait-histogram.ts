// How long the queue's current jobs have waited, in a handful of buckets an operator reads at a glance.
// Computed in the browser from the jobs the stack page already holds, so the histogram costs no request.

export interface WaitBucket {
  /** "1–5m": the bucket's span, as the axis and the table show it. */
  label: string;
  /** Inclusive lower bound, in seconds. */
  fromSeconds: number;
  /** Exclusive upper bound, in seconds; null for the open last bucket. */
  toSeconds: number | null;
  count: number;
}

// Edges at the minutes an on-call engineer thinks in: just queued, a few minutes, past a typical wait SLO
// (5m), a quarter hour, an hour, half a working day.
const EDGES_SECONDS = [0, 60, 5 * 60, 15 * 60, 60 * 60, 4 * 60 * 60] as const;

function spanLabel(from: number, to: number | null): string {
  const short = (seconds: number) => (seconds >= 3600 ? `${seconds / 3600}h` : `${seconds / 60}m`);
  if (to === null) return `${short(from)}+`;
  if (from === 0) return `<${short(to)}`;
  const [fromText, toText] = [short(from), short(to)];
  // "1–5m" rather than "1m–5m" when both ends share the unit.
  return fromText.slice(-1) === toText.slice(-1) ? `${fromText.slice(0, -1)}–${toText}` : `${fromText}–${toText}`;
}

/** Counts the jobs scheduled at `scheduledMs` by how long they have waited at `now`. */
export function waitHistogram(scheduledMs: readonly number[], now: number): WaitBucket[] {
  const buckets: WaitBucket[] = EDGES_SECONDS.map((from, index) => {
    const to = EDGES_SECONDS[index + 1] ?? null;
    return { label: spanLabel(from, to), fromSeconds: from, toSeconds: to, count: 0 };
  });
  for (const ms of scheduledMs) {
    if (Number.isNaN(ms)) continue;
    // A clock slightly ahead of the browser's would give a negative wait: it has just been queued.
    const waited = Math.max(0, (now - ms) / 1000);
    let index = buckets.length - 1;
    while (index > 0 && waited < (buckets[index]?.fromSeconds ?? 0)) index -= 1;
    const bucket = buckets[index];
    if (bucket) bucket.count += 1;
  }
  return buckets;
}

/** The histogram in one sentence, for its caption. */
export function describeWaitHistogram(buckets: readonly WaitBucket[]): string {
  const total = buckets.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return "No job is waiting.";
  const largest = buckets.reduce((best, bucket) => (bucket.count > best.count ? bucket : best));
  const longest = [...buckets].reverse().find((bucket) => bucket.count > 0) ?? largest;
  const jobs = (count: number) => `${count} job${count === 1 ? "" : "s"}`;
  return `Current waits of ${jobs(total)}: most (${largest.count}) waited ${largest.label}; the longest waits are ${longest.label} (${jobs(longest.count)}).`;
}
