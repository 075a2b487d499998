// Row selection as a set of job ids. It is never cleared by a refresh: ids of jobs that left the list are
// simply not counted (see `presentSelection`), so a job that comes back is still selected.

export type Selection = ReadonlySet<string>;

export const emptySelection: Selection = new Set();

export function toggle(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/**
 * Shift-click: every row between the anchor (the last row clicked) and `id`, in screen order, takes the
 * state the clicked row takes. Without a visible anchor it is a plain toggle.
 */
export function selectRange(
  selection: Selection,
  rows: readonly string[],
  anchor: string | null,
  id: string,
): Selection {
  const from = anchor === null ? -1 : rows.indexOf(anchor);
  const to = rows.indexOf(id);
  if (from < 0 || to < 0) return toggle(selection, id);
  const select = !selection.has(id);
  const next = new Set(selection);
  for (const rowId of rows.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (select) next.add(rowId);
    else next.delete(rowId);
  }
  return next;
}

export function allSelected(selection: Selection, ids: readonly string[]): boolean {
  return ids.length > 0 && ids.every((id) => selection.has(id));
}

/** "Select all N matching" toggles the whole filtered set, leaving selections outside it alone. */
export function toggleAll(selection: Selection, ids: readonly string[]): Selection {
  const next = new Set(selection);
  if (allSelected(selection, ids)) for (const id of ids) next.delete(id);
  else for (const id of ids) next.add(id);
  return next;
}

/** The selected ids that are still in the list, in list order: what a bulk action may act on. */
export function presentSelection(selection: Selection, ids: readonly string[]): string[] {
  return selection.size === 0 ? [] : ids.filter((id) => selection.has(id));
}
