import type { GroupKind, LogGroup, LogLine, Span } from "./types";

// Buildkite's collapsible sections, read from the visible text of each line
// (https://buildkite.com/docs/pipelines/configure/managing-log-output): `--- ` collapsed, `~~~ ` collapsed
// and quiet, `+++ ` expanded, `^^^ +++` expands the group it ends up in.

const MARKER_LENGTH = 4;

export type HeaderKind = GroupKind | "expand-previous";

/** What a line does to grouping, or null for an ordinary line. Usable chunk by chunk. */
export function groupHeaderKind(line: Pick<LogLine, "text">): HeaderKind | null {
  const text = line.text;
  if (text.startsWith("^^^ +++")) return "expand-previous";
  if (text.startsWith("--- ")) return "collapsed";
  if (text.startsWith("~~~ ")) return "quiet";
  if (text.startsWith("+++ ")) return "expanded";
  return null;
}

/** A header's title spans: the line without its 4-character marker. */
export function groupTitle(line: Pick<LogLine, "spans">): Span[] {
  let skip = MARKER_LENGTH;
  const title: Span[] = [];
  for (const span of line.spans) {
    if (skip >= span.text.length) {
      skip -= span.text.length;
      continue;
    }
    title.push(skip > 0 ? { ...span, text: span.text.slice(skip) } : span);
    skip = 0;
  }
  return title;
}

function lastTime(lines: readonly LogLine[], from: number, to: number): number | null {
  for (let i = to; i >= from; i--) {
    const time = lines[i]!.time;
    if (time !== null) return time;
  }
  return null;
}

/**
 * The groups in a whole log (or a run of consecutive lines). Lines before the first header belong to no group.
 * When nothing is opened explicitly (`+++ ` or `^^^ +++`), the last `--- ` group starts open.
 */
export function findGroups(lines: readonly LogLine[]): LogGroup[] {
  const groups: LogGroup[] = [];
  let explicit = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const kind = groupHeaderKind(line);
    if (kind === null) continue;
    if (kind === "expand-previous") {
      const previous = groups[groups.length - 1];
      if (previous) previous.open = true;
      explicit = true;
      continue;
    }
    if (kind === "expanded") explicit = true;
    groups.push({ header: i, last: i, kind, open: kind === "expanded", title: groupTitle(line), durationMs: null });
  }
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g]!;
    const next = groups[g + 1];
    group.last = next ? next.header - 1 : lines.length - 1;
    const start = lines[group.header]!.time;
    const end = next ? lines[next.header]!.time : lastTime(lines, group.header, group.last);
    group.durationMs = start !== null && end !== null ? Math.max(0, end - start) : null;
  }
  if (!explicit) {
    for (let g = groups.length - 1; g >= 0; g--) {
      if (groups[g]!.kind === "collapsed") {
        groups[g]!.open = true;
        break;
      }
    }
  }
  return groups;
}
