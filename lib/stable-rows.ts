// Keeps the table still while the operator reads it. A refresh may remove jobs (picked up, finished,
// reserved) and add new ones; removing is safe, but inserting would shift the rows under the pointer, so
// new jobs wait behind a "+N new" button until the operator asks for them.

export interface ReconciledRows {
  /** The rows on screen: the previous order, minus jobs that left. */
  rows: string[];
  /** Jobs that match the view but are not on screen yet, in the view's order. */
  newIds: string[];
}

/**
 * `previous` is what the operator sees (null before the first data); `current` is the fresh, sorted view.
 * When nothing is on screen there is nothing to disturb, so the fresh view is shown as is.
 */
export function reconcileRows(previous: readonly string[] | null, current: readonly string[]): ReconciledRows {
  if (previous === null) return { rows: [...current], newIds: [] };
  const present = new Set(current);
  const rows = previous.filter((id) => present.has(id));
  if (rows.length === 0) return { rows: [...current], newIds: [] };
  const shown = new Set(rows);
  return { rows, newIds: current.filter((id) => !shown.has(id)) };
}

/**
 * From the first screen of rows a page's HTML carried (the top of the view) to the whole view: rows that
 * sort below the last one shown simply continue the list, as if they had been there all along; rows that
 * sort among those shown arrived since the first screen was read, and wait behind "+N new" like any.
 */
export function continueRows(firstScreen: readonly string[], current: readonly string[]): ReconciledRows {
  const kept = reconcileRows(firstScreen, current);
  const last = kept.rows.at(-1);
  if (last === undefined || kept.newIds.length === 0) return kept;
  const below = new Set(current.slice(current.indexOf(last) + 1));
  return {
    rows: [...kept.rows, ...kept.newIds.filter((id) => below.has(id))],
    newIds: kept.newIds.filter((id) => !below.has(id)),
  };
}

/**
 * The scrollTop that keeps the rows still after `previous` became `next` (fixed-height rows). The row under
 * the pointer, when there is one and it stayed, keeps its place on screen; otherwise the first visible row
 * does, and if that row itself left, the nearest surviving row below it takes its place.
 */
export function anchoredScrollTop(
  previous: readonly string[],
  next: readonly string[],
  scrollTop: number,
  rowHeight: number,
  pointerId: string | null = null,
): number {
  if (pointerId !== null) {
    const before = previous.indexOf(pointerId);
    const after = next.indexOf(pointerId);
    if (before >= 0 && after >= 0) return Math.max(0, scrollTop + (after - before) * rowHeight);
  }
  if (rowHeight <= 0 || scrollTop <= 0) return Math.max(0, scrollTop);
  const firstVisible = Math.floor(scrollTop / rowHeight);
  const offset = scrollTop - firstVisible * rowHeight;
  const nextIndex = new Map(next.map((id, index) => [id, index]));
  for (let index = firstVisible; index < previous.length; index += 1) {
    const id = previous[index];
    const moved = id === undefined ? undefined : nextIndex.get(id);
    if (moved !== undefined) return moved * rowHeight + (index === firstVisible ? offset : 0);
  }
  // Everything from the anchor down left: stay at the end of what remains.
  return Math.max(0, next.length * rowHeight - rowHeight);
}
