import type { JobFilters } from "./jobs";

// Which changes of the stack page's view the browser's Back button steps through. Every filter, sort and
// drawer change is a place to go back to, but a word typed into a filter is one place, not one per letter.

export type HistoryWrite = "push" | "replace";

const textKeys: readonly string[] = ["pipeline", "branch", "step", "rules"];

/** A run of keystrokes into one text filter. */
export interface TypingBurst {
  field: string;
  lastAt: number;
}

/** A pause this long ends a burst: typing again later is a new change to come back from. */
export const TYPING_PAUSE_MS = 1000;

/**
 * How a filter change at time `at` (ms) enters the history: the first keystroke of a burst pushes an entry,
 * the rest of the burst replace it; anything else (a sort, clearing the filters) pushes. Also returns the
 * burst the change leaves running, if any.
 */
export function filterHistoryWrite(
  update: Partial<JobFilters>,
  burst: TypingBurst | null,
  at: number,
): { write: HistoryWrite; burst: TypingBurst | null } {
  const keys = Object.keys(update);
  const typed = keys.length === 1 && keys[0] !== undefined && textKeys.includes(keys[0]) ? keys[0] : null;
  if (typed === null) return { write: "push", burst: null };
  const continues = burst !== null && burst.field === typed && at - burst.lastAt < TYPING_PAUSE_MS;
  return { write: continues ? "replace" : "push", burst: { field: typed, lastAt: at } };
}
