"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { StaleWarning } from "@/components/ui/stale-warning";
import { logDownloadUrl, type LogRef } from "@/lib/log-queries";
import { findLine, groupsHiding, knownLineCount, setAllGroupsOpen, setGroupOpen, type LogDoc } from "../../lib/log/log-chunks";
import { LogLineRow, LOG_ROW_HEIGHT, type LineDisplay } from "./log-line";
import { buildRawRows, buildRows, type GapRow } from "../../lib/log/log-rows";
import { LogSearchBox } from "./log-search";
import { LogToolbar } from "./log-toolbar";
import { LogUnavailable } from "./log-unavailable";
import { useLogDoc } from "./use-log-doc";
import { useLogScroll } from "./use-log-scroll";
import { useLogSearch } from "./use-log-search";
import { useTimestampSettings } from "./use-timestamp-settings";
import { useWrapColumns, WRAP_PROBE_TEXT } from "./use-wrap-columns";

const lineFromHash = (hash: string) => {
  const match = /^#L(\d+)$/.exec(hash);
  return match ? Number(match[1]) : null;
};

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
 * operator scrolls up (or jumps), only the visible rows in the DOM, search over the whole log on the
 * server, and new lines every 2 s while the job runs.
 */
export function LogViewer({ logRef, hasLog }: LogViewerProps) {
  /** Where in the log (a byte) the operator is reading: loaded parts far from it are let go first. */
  const focusByteRef = useRef<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const focusByte = useCallback(() => focusByteRef.current, []);
  const { doc, setDoc, docRef, error, loading, loadBefore, loadAfter, ensureLine } = useLogDoc(logRef, focusByte);
  const { settings: timestamps, update: setTimestamps } = useTimestampSettings();
  const [raw, setRaw] = useState(false);
  const [anchorLine, setAnchorLine] = useState<number | null>(null);
  const [missingLine, setMissingLine] = useState<number | null>(null);
  const [wrap, setWrap] = useState(true);
  const probeRef = useRef<HTMLSpanElement>(null);
  const boxShown = hasLog !== false && !(doc.chunks.length === 0 && error);
  const wrapColumns = useWrapColumns(scrollRef, probeRef, boxShown, timestamps.show);
  const wrapAt = wrap ? wrapColumns : null;
  const rows = useMemo(() => (raw ? buildRawRows(doc) : buildRows(doc, wrapAt)), [doc, raw, wrapAt]);
  const { following, atBottom, onScroll, setFollow, aimAt, aim, jumpNow } = useLogScroll({ rows, doc, raw, loadBefore, loadAfter, focusByteRef, scrollRef });
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions are read during render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => LOG_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 20,
    initialRect: { width: 1100, height: 600 },
  });

  /** Brings line `line` into view: loads its chunk if needed and opens the groups that hide it. */
  const goToLine = useCallback(
    async (line: number) => {
      setMissingLine(null);
      setRaw(false);
      aimAt(line);
      const found = await ensureLine(line);
      // A later jump took over while this one loaded.
      if (aim() !== line) return;
      if (found !== "loaded") {
        aimAt(null);
        if (found === "missing") setMissingLine(line);
        return;
      }
      setDoc(openGroupsAround(docRef.current, line));
      jumpNow();
    },
    [ensureLine, setDoc, docRef, aimAt, aim, jumpNow],
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
        wrap={wrap}
        onWrapChange={setWrap}
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
      <p className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="log-status">
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
        {/* Measures a character's width for wrapping; after the list, which must stay the box's first child. */}
        <span ref={probeRef} aria-hidden data-testid="char-probe" className="invisible absolute left-0 top-0 whitespace-pre">
          {WRAP_PROBE_TEXT}
        </span>
        {loaded && rows.length === 0 && <p className="p-4 text-zinc-600 dark:text-zinc-400">{doc.final ? "The log is empty." : "No output yet."}</p>}
      </div>
    </section>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
