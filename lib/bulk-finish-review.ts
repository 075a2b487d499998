import { shortId } from "./filters/jobs";

// What a bulk finish is about to act on, as the operator reviews it: which pipelines the jobs come from,
// which selected jobs left the queue while the form was open, and when the count must be typed.

export interface ReviewJob {
  id: string;
  /** The pipeline's slug; null when Buildkite did not say. */
  pipeline: string | null;
}

/** Selected job id → its pipeline, for the jobs a finish form is about. */
export type TrackedJobs = ReadonlyMap<string, string | null>;

export const noTrackedJobs: TrackedJobs = new Map();

/** Above this many jobs the count must be typed before Confirm: one slip should not finish a whole queue. */
export const TYPED_COUNT_THRESHOLD = 50;

export const needsTypedCount = (count: number) => count > TYPED_COUNT_THRESHOLD;

/** The typed count must be the number itself, in decimal digits, so "5 5" or "55.0" do not pass for 55. */
export const typedCountMatches = (typed: string, count: number) => typed.trim() === String(count);

const UNKNOWN_PIPELINE = "unknown pipeline";
const pipelineName = (pipeline: string | null) => pipeline ?? UNKNOWN_PIPELINE;

export interface PipelineCount {
  pipeline: string;
  count: number;
}

/** Jobs per pipeline, most first; ties by name so the order does not change between renders. */
export function countByPipeline(jobs: readonly ReviewJob[]): PipelineCount[] {
  const counts = new Map<string, number>();
  for (const job of jobs) {
    const name = pipelineName(job.pipeline);
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts]
    .map(([pipeline, count]) => ({ pipeline, count }))
    .sort((a, b) => b.count - a.count || a.pipeline.localeCompare(b.pipeline));
}

/**
 * Folds the current selection into the jobs a finish form is about. A tracked job still in the queue but no
 * longer selected was deselected by the operator and is dropped; one no longer in the queue is kept, as a
 * job that left. Newly selected jobs join.
 */
export function trackSelection(
  tracked: TrackedJobs,
  selectedIds: readonly string[],
  inQueue: (id: string) => boolean,
  pipelineOf: (id: string) => string | null,
): TrackedJobs {
  const selected = new Set(selectedIds);
  const next = new Map<string, string | null>();
  for (const [id, pipeline] of tracked) if (selected.has(id) || !inQueue(id)) next.set(id, pipeline);
  for (const id of selectedIds) if (!next.has(id)) next.set(id, pipelineOf(id));
  return next;
}

/** The tracked jobs that are no longer among the selected jobs in the queue, in the order they were selected. */
export function departedJobs(tracked: TrackedJobs, selectedIds: readonly string[]): ReviewJob[] {
  const selected = new Set(selectedIds);
  return [...tracked].filter(([id]) => !selected.has(id)).map(([id, pipeline]) => ({ id, pipeline }));
}

/** How many departed jobs are named before the rest are only counted. */
const NAMED_DEPARTURES = 5;

/**
 * "3 of the 10 selected jobs left the queue: 0190f6a1 (web), …": which jobs the operator will not finish
 * after all, since something else (an agent, another operator) took them while the form was open.
 */
export function departureNotice(departed: readonly ReviewJob[], remaining: number): string | null {
  if (departed.length === 0) return null;
  const total = departed.length + remaining;
  const lead =
    remaining > 0
      ? `${departed.length} of the ${total} selected jobs left the queue`
      : total === 1
        ? "The selected job left the queue"
        : `All ${total} selected jobs left the queue`;
  const named = departed
    .slice(0, NAMED_DEPARTURES)
    .map((job) => `${shortId(job.id)} (${pipelineName(job.pipeline)})`)
    .join(", ");
  const rest = departed.length - NAMED_DEPARTURES;
  return `${lead}: ${named}${rest > 0 ? `, and ${rest} more` : ""}.`;
}
