"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { StaleWarning } from "@/components/ui/stale-warning";
import { logDownloadUrl, type LogRef } from "@/lib/log-queries";
import { findLine, groupsHiding, knownLineCount, setAllGroupsOpen, setGroupOpen, type LogDoc } from "./log-chunks";
import { LogLineRow, LOG_ROW_HEIGHT, type LineDisplay } from "./log-line";
import { buildRawRows, buildRows, type GapRow, type LogRow } from "./log-rows";
import { LogSearchBox } from "./log-search";
import { LogToolbar } from "./log-toolbar";
import { LogUnavailable } from "./log-unavailable";
import { useLogDoc } from "./use-log-doc";
import { useLogSearch } from "./use-log-search";
import { useTimestampSettings } from "./use-timestamp-settings";

/** Marked when the first lines are on screen: the benchmark's "time to first log lines". */
export const FIRST_LINES_MARK = "log-first-lines";
/** Earlier lines load once the placeholder for them comes this close to the viewport. */
const LOAD_MARGIN_ROWS = 60;

const lineFromHash = (hash: string) => {
  const match = /^#L(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
};

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

function openGroupsAround(doc: LogDoc, line: number): LogDoc {
  const flat = findLine(doc, line);
  if (flat === null) return doc;
  return groupsHiding(doc, flat).reduce((next, group) => setGroupOpen(next, group.key, true), doc);
}

interface LogViewerProps {
  logRef: LogRef;
  /** What the build says about the job, when known: a job that has no log is explained, not shown empty. */
  hasLog: boolean | undefined;
}

/**
 * The job's log, better than Buildkite's last-2-MB view: the tail first, earlier parts loaded as the
 * operator scrolls up, only the visible rows in the DOM, search over the whole log on the server, and new
 * lines every 2 s while the job runs.
 */
export function LogViewer({ logRef, hasLog }: LogViewerProps) {
  /** Where in the log (a byte) the operator is reading: loaded parts far from it are let go first. */
  const focusByteRef = useRef<number | null>(null);
  const focusByte = useCallback(() => focusByteRef.current, []);
  const { doc, setDoc, docRef, error, loading, loadBefore, loadAfter, ensureLine } = useLogDoc(logRef, focusByte);
  const { settings: timestamps, update: setTimestamps } = useTimestampSettings();
  const [raw, setRaw] = useState(false);
  const [anchorLine, setAnchorLine] = useState<number | null>(null);
  const [missingLine, setMissingLine] = useState<number | null>(null);
  const [following, setFollowing] = useState(true);
  const [atBottom, setAtBottom] = useState(true);
  const [jumps, setJumps] = useState(0);

  const rows = useMemo(() => (raw ? buildRawRows(doc) : buildRows(doc)), [doc, raw]);
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The line to bring into view once it is among the rows (a jump waits for its chunk). */
  const targetRef = useRef<number | null>(null);
  const followingRef = useRef(following);
  const firstLinesShownRef = useRef(false);
  const rowsRef = useRef<readonly LogRow[]>(rows);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 20,
    initialRect: { width: 1100, height: 600 },
  });

  const rememberFocus = useCallback(() => {
    const element = scrollRef.current;
    const row = element ? anchorIn(rowsRef.current, element.scrollTop)?.row : undefined;
    focusByteRef.current = row && row.kind !== "gap" ? row.chunk.start : null;
  }, []);

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
  }, [loadBefore, loadAfter]);

  const scrollToBottom = useCallback(() => {
    const element = scrollRef.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, []);

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
      const index = rows.findIndex((row) => row.key === anchor.row.key);
      if (index >= 0) element.scrollTop = Math.max(0, index * LOG_ROW_HEIGHT + anchor.offset);
    }
    rememberFocus();
    loadNearbyGaps();
  }, [rows, doc, raw, jumps, scrollToBottom, rememberFocus, loadNearbyGaps]);

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
  }, [rememberFocus, loadNearbyGaps]);

  const setFollow = useCallback(
    (follow: boolean) => {
      followingRef.current = follow;
      setFollowing(follow);
      if (follow) scrollToBottom();
    },
    [scrollToBottom],
  );

  /** Brings line `line` into view: loads its chunk if needed and opens the groups that hide it. */
  const goToLine = useCallback(
    async (line: number) => {
      setMissingLine(null);
      setRaw(false);
      targetRef.current = line;
      const found = await ensureLine(line);
      if (targetRef.current !== line) return;
      if (!found) {
        targetRef.current = null;
        setMissingLine(line);
        return;
      }
      setDoc(openGroupsAround(docRef.current, line));
      // The line may have been on hand all along: a new jump still needs the layout effect to scroll.
      setJumps((count) => count + 1);
    },
    [ensureLine, setDoc, docRef],
  );

  // `#L120` on arrival and whenever the hash changes (back, forward, an edited URL).
  useEffect(() => {
    const onHash = () => {
      const line = lineFromHash(window.location.hash);
      setAnchorLine(line);
      if (line !== null) void goToLine(line);
    };
    onHash();
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [goToLine]);

  const onLineLink = useCallback((line: number) => {
    window.history.replaceState(window.history.state, "", `#L${line}`);
    setAnchorLine(line);
  }, []);

  const onToggleGroup = useCallback(
    (key: string) => {
      const current = docRef.current;
      setDoc(setGroupOpen(current, key, current.open.get(key) === false));
    },
    [docRef, setDoc],
  );

  const onAllGroups = useCallback((open: boolean) => setDoc(setAllGroupsOpen(docRef.current, open)), [docRef, setDoc]);

  const search = useLogSearch(logRef, (line) => void goToLine(line));

  const { result: searchResult, query, caseSensitive } = search;
  const display: LineDisplay = useMemo(
    () => ({ showTime: timestamps.show, zone: timestamps.zone, query: searchResult && searchResult.count > 0 ? query : "", caseSensitive }),
    [timestamps.show, timestamps.zone, searchResult, query, caseSensitive],
  );
  // The log's let-go end loads forwards; any other placeholder from the lines below it upwards.
  const onLoadGap = useCallback((gap: GapRow) => void (gap.key === "gap-end" && gap.after !== null ? loadAfter(gap.after) : loadBefore(gap.before)), [loadBefore, loadAfter]);

  if (hasLog === false) return <LogUnavailable reason="no-log" />;
  const loaded = doc.chunks.length > 0;
  const lineCount = knownLineCount(doc);
  if (!loaded && error) return <LogUnavailable reason="error" error={error} />;

  return (
    <section aria-label="Job log" className="space-y-3">
      <LogToolbar
        timestamps={timestamps}
        onTimestampsChange={setTimestamps}
        raw={raw}
        onRawChange={setRaw}
        hasGroups={doc.groups.length > 0}
        onAllGroups={onAllGroups}
        following={loaded && !doc.final ? following : null}
        onFollowChange={setFollow}
        atBottom={atBottom}
        onJumpToBottom={() => setFollow(true)}
        downloadUrl={logDownloadUrl(logRef)}
      />
      <LogSearchBox
        text={search.text}
        onTextChange={search.setText}
        caseSensitive={caseSensitive}
        onCaseSensitiveChange={search.setCaseSensitive}
        result={searchResult}
        searching={search.searching}
        failed={search.failed}
        cursor={search.cursor}
        onNext={search.next}
        onPrevious={search.previous}
      />
      {error && <StaleWarning error={error} hasData={loaded} />}
      {missingLine !== null && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          Line {missingLine.toLocaleString()} is not in this log{lineCount !== null ? ` (it has ${lineCount.toLocaleString()} lines)` : ""}.
        </p>
      )}
      <p className="text-xs text-zinc-500" data-testid="log-status">
        {!loaded
          ? "Loading the log…"
          : `${lineCount === null ? "Counting lines…" : `${lineCount.toLocaleString()} lines`} · ${formatBytes(doc.totalBytes)}${doc.final ? "" : " · running, new lines appear as they are written"}`}
      </p>
      <div
        ref={scrollRef}
        onScroll={onScroll}
        tabIndex={0}
        aria-label="Log lines"
        data-testid="log-scroll"
        className="relative h-[70vh] min-h-80 overflow-auto rounded-lg border border-zinc-200 bg-white font-mono text-[13px] leading-5 text-zinc-900 [--log-background:#ffffff] [--log-foreground:#18181b] [overflow-anchor:none] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-200 dark:[--log-background:#18181b] dark:[--log-foreground:#e4e4e7]"
      >
        <div className="relative min-w-full" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const number = row.kind === "line" ? row.number : null;
            return (
              <LogLineRow
                key={row.key}
                row={row}
                top={item.start}
                display={display}
                anchored={number !== null && number === anchorLine}
                current={number !== null && number === search.currentMatch}
                open={row.kind === "line" && row.group !== null ? doc.open.get(row.group.key) !== false : true}
                gapLoading={row.kind === "gap" && (loading.has(`before:${row.before}`) || loading.has(`after:${row.after}`))}
                onLineLink={onLineLink}
                onToggleGroup={onToggleGroup}
                onLoadGap={onLoadGap}
              />
            );
          })}
        </div>
        {loaded && rows.length === 0 && <p className="p-4 text-zinc-400">{doc.final ? "The log is empty." : "No output yet."}</p>}
      </div>
    </section>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
