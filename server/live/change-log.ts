import "server-only";
import type { ChangeSet } from "@/lib/schemas/change-sets";
import type { FeedState } from "./snapshot-diff";

/** How many change sets each queue keeps for streams that resume: at a 2 s poll, minutes of gap. */
export const CHANGE_LOG_LENGTH = 100;

export type ChangeListener = (topic: string, change: ChangeSet, text: string) => void;

/**
 * The versioned history of each queue's scheduled jobs. Whichever instance reads Buildkite commits what
 * changed; every instance hears every commit (by Redis pub/sub when shared) and keeps serving resumes.
 */
export interface ChangeLog {
  state(topic: string): Promise<FeedState | null>;
  /**
   * Stores `next` only if the topic is still at version `expected` (null: it has no state yet), and keeps
   * and publishes `change` with it. False when another read committed first: diff against that one.
   */
  commit(topic: string, expected: number | null, next: FeedState, change: ChangeSet | null): Promise<boolean>;
  /** The changes after `version`, oldest first; null when some of them are no longer kept. */
  since(topic: string, version: number): Promise<ChangeSet[] | null>;
  /** Every change committed from now on, here or on another instance, with its JSON text. */
  subscribe(listener: ChangeListener): () => void;
}

/** The changes after `version` among `kept` (a contiguous run ending at `current`), or null for a gap. */
export function changesAfter(kept: readonly ChangeSet[], current: number, version: number): ChangeSet[] | null {
  if (version === current) return [];
  if (version > current) return null;
  const after = kept.filter((change) => change.version > version);
  return after[0]?.previousVersion === version ? after : null;
}

/** One process's memory: the change log of a console without Redis, or of one whose Redis is down. */
export function memoryChangeLog(): ChangeLog & { publish: (topic: string, change: ChangeSet, text: string) => void } {
  const topics = new Map<string, { state: FeedState; kept: ChangeSet[] }>();
  const listeners = new Set<ChangeListener>();
  const publish = (topic: string, change: ChangeSet, text: string) => {
    for (const listener of listeners) listener(topic, change, text);
  };
  return {
    async state(topic) {
      return topics.get(topic)?.state ?? null;
    },
    async commit(topic, expected, next, change) {
      const entry = topics.get(topic);
      if ((entry?.state.version ?? null) !== expected) return false;
      const kept = entry?.kept ?? [];
      if (change) kept.push(change);
      topics.set(topic, { state: next, kept: kept.slice(-CHANGE_LOG_LENGTH) });
      if (change) publish(topic, change, JSON.stringify(change));
      return true;
    },
    async since(topic, version) {
      const entry = topics.get(topic);
      return entry ? changesAfter(entry.kept, entry.state.version, version) : null;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publish,
  };
}
