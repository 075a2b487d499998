import { replaceEqualDeep } from "@tanstack/react-query";
import type { z } from "zod";
import type { SuccessEnvelope } from "./envelope";

/** The last tagged answer to a URL: its tag, the schema its data was parsed with, and the parsed envelope. */
export interface TaggedAnswer {
  etag: string;
  schema: z.ZodType;
  envelope: SuccessEnvelope<unknown>;
}

/**
 * Least recently used first out. An entry can hold a parsed list of 5000 jobs (a few MB), so the cache
 * is bounded; a page polls a handful of URLs (two per queue it shows), far fewer than the bound.
 */
export function createAnswerCache(maxEntries: number) {
  const entries = new Map<string, TaggedAnswer>();
  return {
    get(url: string): TaggedAnswer | undefined {
      const entry = entries.get(url);
      if (entry === undefined) return undefined;
      // Re-inserting moves the entry to the end, the most recently used.
      entries.delete(url);
      entries.set(url, entry);
      return entry;
    },
    set(url: string, entry: TaggedAnswer): void {
      entries.delete(url);
      entries.set(url, entry);
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
    },
    delete(url: string): void {
      entries.delete(url);
    },
    /** Keeps `replacement` instead of `envelope` wherever it is kept: it must be equal in content. */
    swap(envelope: SuccessEnvelope<unknown>, replacement: SuccessEnvelope<unknown>): void {
      for (const [url, entry] of entries)
        if (entry.envelope === envelope) entries.set(url, { ...entry, envelope: replacement });
    },
    get size(): number {
      return entries.size;
    },
  };
}

export type AnswerCache = ReturnType<typeof createAnswerCache>;

export const ANSWER_CACHE_ENTRIES = 32;

/** The browser's one cache of tagged answers, shared by every conditional `apiFetch`. */
export const taggedAnswers = createAnswerCache(ANSWER_CACHE_ENTRIES);

/**
 * TanStack Query's structural sharing for tagged answers. After a full answer the query holds a merge of
 * the old and new data (unchanged rows keep their objects), not the object apiFetch returned; keeping that
 * merge as the tagged answer means a 304 hands back the very object the query holds, which it takes
 * without comparing 5000 jobs field by field again.
 */
export function shareTaggedAnswer(previous: unknown, next: unknown): unknown {
  const shared = replaceEqualDeep(previous, next);
  if (shared !== next) taggedAnswers.swap(next as SuccessEnvelope<unknown>, shared as SuccessEnvelope<unknown>);
  return shared;
}
