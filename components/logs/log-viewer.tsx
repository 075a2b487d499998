"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { StaleWarning } from "@/components/ui/stale-warning";
import { apiPaths } from "@/lib/api/paths";
import type { LogRef } from "@/lib/queries/logs";
import { setAllGroupsOpen, setGroupOpen } from "@/lib/log/log-chunks";
import { buildRawRows, buildRows, type GapRow } from "@/lib/log/log-rows";
import type { LineDisplay } from "./log-line";
import { LogLines } from "./log-lines";
import { LogSearchBox } from "./log-search";
import { LogStatus } from "./log-status";
import { LogToolbar } from "./log-toolbar";
import { LogUnavailable } from "./log-unavailable";
import { useLineAnchor } from "./use-line-anchor";
import { useLogDoc } from "./use-log-doc";
import { useLogScroll } from "./use-log-scroll";
import { useLogSearch } from "./use-log-search";
import { useTimestampSettings } from "./use-timestamp-settings";
import { useWrapColumns } from "./use-wrap-columns";

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
  const [wrap, setWrap] = useState(true);
  const probeRef = useRef<HTMLSpanElement>(null);
  const boxShown = hasLog !== false && !(doc.chunks.length === 0 && error);
  const wrapColumns = useWrapColumns(scrollRef, probeRef, boxShown, timestamps.show);
  const wrapAt = wrap ? wrapColumns : null;
  const rows = useMemo(() => (raw ? buildRawRows(doc) : buildRows(doc, wrapAt)), [doc, raw, wrapAt]);
  const { following, atBottom, onScroll, setFollow, aimAt, aim, jumpNow } = useLogScroll({
    rows,
    doc,
    raw,
    loadBefore,
    loadAfter,
    focusByteRef,
    scrollRef,
  });
  const showRendered = useCallback(() => setRaw(false), []);
  const { anchorLine, missingLine, goToLine, onLineLink } = useLineAnchor({
    ensureLine,
    setDoc,
    docRef,
    showRendered,
    aimAt,
    aim,
    jumpNow,
  });

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
    () => ({
      showTime: timestamps.show,
      zone: timestamps.zone,
      query: searchResult && searchResult.count > 0 ? query : "",
      caseSensitive,
    }),
    [timestamps.show, timestamps.zone, searchResult, query, caseSensitive],
  );
  // The log's let-go end loads forwards; any other placeholder from the lines below it upwards.
  const onLoadGap = useCallback(
    (gap: GapRow) => void (gap.key === "gap-end" && gap.after !== null ? loadAfter(gap.after) : loadBefore(gap.before)),
    [loadBefore, loadAfter],
  );

  if (hasLog === false) return <LogUnavailable reason="no-log" />;
  const loaded = doc.chunks.length > 0;
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
        downloadUrl={apiPaths.logDownload(logRef)}
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
      <LogStatus doc={doc} missingLine={missingLine} />
      <LogLines
        rows={rows}
        doc={doc}
        display={display}
        anchorLine={anchorLine}
        currentMatch={search.currentMatch}
        loading={loading}
        scrollRef={scrollRef}
        probeRef={probeRef}
        onScroll={onScroll}
        onLineLink={onLineLink}
        onToggleGroup={onToggleGroup}
        onLoadGap={onLoadGap}
      />
    </section>
  );
}
