// Past this many entries of one name they are cleared: a console left open for a day must not grow the
// performance timeline without bound.
const MAX_ENTRIES = 200;

/**
 * Records a User Timing measure `name` from `start` (a mark's name or a time) to now. A benchmark reads
 * it with `performance.getEntriesByName(name)`; unobserved it costs one entry.
 */
export function recordMeasure(name: string, start: string | number): void {
  if (typeof performance === "undefined") return;
  if (performance.getEntriesByName(name, "measure").length >= MAX_ENTRIES) performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now() });
}
