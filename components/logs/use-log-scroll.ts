"use client";

import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from "react";
import { findLine, groupsHiding, type LogDoc } from "../../lib/log/log-chunks";
import { LOG_ROW_HEIGHT } from "./log-line";
import type { LogRow } from "../../lib/log/log-rows";

/** Marked when the first lines are on screen: the benchmark's "time to first log lines". */
export const FIRST_LINES_MARK = "log-first-lines";
/** Placeholders for lines not loaded load once they come this close to the viewport. */
const LOAD_MARGIN_ROWS = 60;

/**
 * The first row in view and how far it is scrolled past, so rows added or hidden above it do not move what
 * the operator reads. A placeholder is no anchor: it is replaced by the very lines that load into it.
 */
function anchorIn(rows: readonly LogRow[], scrollTop: number): { row: LogRow; offset: number } | null {
  let index = Math.floor(scrollTop / LOG_ROW_HEIGHT);
  while (rows[index]?.kind === "gap") index++;
  const row = rows[index];
  return row ? { row, offset: scrollTop - index * LOG_ROW_HEIGHT } : null;
}

/**
 * The anchor row among new rows: the same row, or else (the raw view switched, a chunk renumbered) the
 * first row from the same place in the same part of the log.
 */
function findAnchor(rows: readonly LogRow[], anchor: LogRow): number {
  const same = rows.findIndex((row) => row.key === anchor.key);
  if (same >= 0 || anchor.kind === "gap") return same;
  return rows.findIndex(
    (row) => row.kind !== "gap" && row.chunk.start === anchor.chunk.start && row.index >= anchor.index,
  );
}

interface LogScrollInput {
  rows: readonly LogRow[];
  doc: LogDoc;
  raw: boolean;
  loadBefore: (before: number) => unknown;
  loadAfter: (after: number) => unknown;
  /** Written with the byte the operator is reading at, for letting go of parts far from it. */
  focusByteRef: RefObject<number | null>;
  scrollRef: RefObject<HTMLDivElement | null>;
}

/**
 * Where the log's scroll box stands: at the bottom while following, on a jump's line once it is loaded,
 * still on the same line when rows arrive or vanish above it; and the loading of the parts scrolled to.
 */
export function useLogScroll({ rows, doc, raw, loadBefore, loadAfter, focusByteRef, scrollRef }: LogScrollInput) {
  const [following, setFollowing] = useState(true);
  const [atBottom, setAtBottom] = useState(true);
  /** Bumped by every jump, so a jump to a line already on hand still scrolls. */
  const [jumps, setJumps] = useState(0);
  /** The line to bring into view once it is among the rows (a jump waits for its chunk). */
  const targetRef = useRef<number | null>(null);
  const followingRef = useRef(following);
  const firstLinesShownRef = useRef(false);
  const rowsRef = useRef<readonly LogRow[]>(rows);

  const rememberFocus = useCallback(() => {
    const element = scrollRef.current;
    const row = element ? anchorIn(rowsRef.current, element.scrollTop)?.row : undefined;
    focusByteRef.current = row && row.kind !== "gap" ? row.chunk.start : null;
  }, [focusByteRef, scrollRef]);

  /**
   * Loads the lines a placeholder stands for once it is on (or near) the screen: from its bottom up when
   * the operator reads upwards into it, from its top down when it lies below what they read.
   */
  const loadNearbyGaps = useCallback(() => {
    const element = scrollRef.current;
    if (!element || !firstLinesShownRef.current) return;
    const top = Math.floor(element.scrollTop / LOG_ROW_HEIGHT);
    const last = Math.ceil((element.scrollTop + element.clientHeight) / LOG_ROW_HEIGHT) + LOAD_MARGIN_ROWS;
    const current = rowsRef.current;
    for (let index = Math.max(0, top - LOAD_MARGIN_ROWS); index <= last && index < current.length; index++) {
      const row = current[index];
      if (row?.kind !== "gap") continue;
      if (row.after !== null && index > top) void loadAfter(row.after);
      else void loadBefore(row.before);
    }
  }, [loadBefore, loadAfter, scrollRef]);

  const scrollToBottom = useCallback(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [scrollRef]);

  // After every change of rows, put the view where the operator expects it: on a pending jump's line, at
  // the bottom while following, or on the same line as before when rows arrive above it.
  useLayoutEffect(() => {
    const previous = rowsRef.current;
    rowsRef.current = rows;
    const element = scrollRef.current;
    if (!element || rows.length === 0) return;
    // Following scrolls for lines added at the end, not for a group opened or closed above them.
    const appended = previous.at(-1)?.key !== rows.at(-1)?.key;
    // Read from the scroll position now, not from the last scroll event, which may not have come yet (a
    // click right after a programmatic scroll).
    const anchor = anchorIn(previous, element.scrollTop);
    if (!firstLinesShownRef.current) {
      firstLinesShownRef.current = true;
      performance.mark(FIRST_LINES_MARK);
      if (targetRef.current === null) scrollToBottom();
    }
    const target = targetRef.current;
    let targetIndex = -1;
    const targetFlat = target === null || raw ? null : findLine(doc, target);
    // A line still under a collapsed group waits for the jump to open it.
    if (target !== null && targetFlat !== null && groupsHiding(doc, targetFlat).length === 0) {
      // The line itself, or the next shown one when it is a marker line that is never shown (`^^^ +++`).
      targetIndex = rows.findIndex((row) => row.kind === "line" && row.number !== null && row.number >= target);
      if (targetIndex < 0) targetRef.current = null;
    }
    if (targetIndex >= 0) {
      targetRef.current = null;
      followingRef.current = false;
      // Rows are all one height, so the line's place is exact; centring it leaves context on both sides.
      element.scrollTop = Math.max(0, targetIndex * LOG_ROW_HEIGHT - (element.clientHeight - LOG_ROW_HEIGHT) / 2);
    } else if (followingRef.current && appended) {
      scrollToBottom();
    } else if (anchor) {
      const index = findAnchor(rows, anchor.row);
      if (index >= 0) element.scrollTop = Math.max(0, index * LOG_ROW_HEIGHT + anchor.offset);
    }
    rememberFocus();
    loadNearbyGaps();
  }, [rows, doc, raw, jumps, scrollRef, scrollToBottom, rememberFocus, loadNearbyGaps]);

  const onScroll = useCallback(() => {
    const element = scrollRef.current;
    if (!element) return;
    const bottom = element.scrollTop + element.clientHeight >= element.scrollHeight - LOG_ROW_HEIGHT;
    setAtBottom(bottom);
    // Following means sticking to the bottom: scrolling away stops it, scrolling back resumes it.
    if (targetRef.current === null) {
      followingRef.current = bottom;
      setFollowing(bottom);
    }
    rememberFocus();
    loadNearbyGaps();
  }, [scrollRef, rememberFocus, loadNearbyGaps]);

  const setFollow = useCallback(
    (follow: boolean) => {
      followingRef.current = follow;
      setFollowing(follow);
      if (follow) scrollToBottom();
    },
    [scrollToBottom],
  );

  /** Brings `line` into view as soon as it is among the rows; null gives up a jump. */
  const aimAt = useCallback((line: number | null) => {
    targetRef.current = line;
  }, []);
  /** The line a jump waits for, if any. */
  const aim = useCallback(() => targetRef.current, []);
  /** Scrolls to the aimed line now if it is there (it may have been on hand all along). */
  const jumpNow = useCallback(() => setJumps((count) => count + 1), []);

  return { following, atBottom, onScroll, setFollow, aimAt, aim, jumpNow };
}
