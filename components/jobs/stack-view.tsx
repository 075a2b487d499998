"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { QueueHistorySection } from "@/components/history/queue-history-section";
import { DispatchControl } from "@/components/queue/dispatch-control";
import { QueueHeader } from "@/components/queue/queue-header";
import { RefreshControls } from "@/components/queue/refresh-controls";
import { FindingJobsChip } from "@/components/triage/finding-jobs-chip";
import { findingTitle } from "@/components/triage/finding-titles";
import { WhyJobsWaitPanel } from "@/components/triage/why-jobs-wait-panel";
import { StaleWarning } from "@/components/ui/stale-warning";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/api/api-error";
import type { Finding } from "@/lib/schemas/triage";
import { filterAndSort, filtersKey, type SortField } from "@/lib/filters/jobs";
import type { Thresholds } from "@/lib/thresholds";
import { allSelected } from "@/lib/selection";
import { isPartial } from "@/lib/live/first-screen";
import { BulkActionBar } from "./bulk-action-bar";
import { JobDrawer } from "./job-drawer";
import { JobFiltersBar } from "./job-filters-bar";
import { JobsTable, type JobsTableHandle } from "./jobs-table";
import { JobsTableStates } from "./jobs-table-states";
import { KeyHints } from "./key-hints";
import { NewJobsButton } from "./new-jobs-button";
import { StackTitle } from "./stack-title";
import { useJobJump } from "./use-job-jump";
import { useJobKeys } from "./use-job-keys";
import { useWholeList } from "./use-whole-list";
import { useQueueJobs } from "./use-queue-jobs";
import { useRefreshSettings } from "./use-refresh-settings";
import { useRowSelection } from "./use-row-selection";
import { useStableRows } from "./use-stable-rows";
import { useStackUrlState } from "./use-stack-url-state";

interface StackViewProps {
  stackKey: string;
  queueKey: string;
  pollIntervalMs: number;
  thresholds: Thresholds;
}

export function StackView({ stackKey, queueKey, pollIntervalMs, thresholds }: StackViewProps) {
  const refresh = useRefreshSettings(pollIntervalMs);
  const { queue, jobsQuery, stream, loaded, jobs, jobsById, allIds, scheduledMs } = useQueueJobs(
    stackKey,
    queueKey,
    refresh.intervalMs,
    refresh.paused,
  );
  const now = useNow();
  const longWaitMs = thresholds.waitSeconds.warning * 1000;
  const overThreshold = loaded ? scheduledMs.filter((ms) => now - ms > longWaitMs).length : undefined;
  const hydrated = useHydrated();

  const urlState = useStackUrlState();
  const { setFilters, openJob, setRange } = urlState;
  const filters = useDeferredValue(urlState.filters);
  const sortedIds = useMemo(() => filterAndSort(jobs, filters), [jobs, filters]);
  const currentFiltersKey = filtersKey(filters);
  // The first screen of rows from the HTML is continued by the whole list, not announced as "+N new".
  const partial = isPartial(jobsQuery.data);
  const counted = jobsQuery.data?.summary.count;
  const totalCount = partial && typeof counted === "number" ? counted : jobs.length;
  const { rows, newIds, merge } = useStableRows(sortedIds, currentFiltersKey, partial);
  const { selection, selectedIds, onToggle, onToggleAll, clearSelection, selectOnly } = useRowSelection(rows, allIds);

  const [focusedId, setFocusedId] = useState<string | null>(urlState.jobId);
  const tableRef = useRef<JobsTableHandle>(null);
  const firstFilterRef = useRef<HTMLInputElement>(null);

  const onOpen = useCallback(
    (id: string) => {
      setFocusedId(id);
      openJob(id);
    },
    [openJob],
  );
  const focusRow = useCallback((id: string) => {
    setFocusedId(id);
    tableRef.current?.scrollToId(id);
  }, []);
  const onSort = useCallback(
    (field: SortField) =>
      setFilters(
        urlState.filters.sort === field
          ? { dir: urlState.filters.dir === "asc" ? "desc" : "asc" }
          : { sort: field, dir: "desc" },
      ),
    [setFilters, urlState.filters.sort, urlState.filters.dir],
  );

  useJobKeys({
    move: (delta) => {
      if (rows.length === 0) return;
      const index = focusedId === null ? -1 : rows.indexOf(focusedId);
      const next = rows[index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + delta))];
      if (next !== undefined) focusRow(next);
    },
    toggle: () => {
      if (focusedId !== null && jobsById.has(focusedId)) onToggle(focusedId, false);
    },
    open: () => {
      if (focusedId !== null) openJob(focusedId);
    },
    focusFilter: () => firstFilterRef.current?.focus(),
    escape: () => {
      if (urlState.jobId !== null) openJob(null);
      else setFocusedId(null);
    },
  });

  const jump = useJobJump({
    stackKey,
    rows,
    newIds,
    allIds,
    focusRow,
    mergeAndFocus: (id) => {
      merge();
      setFocusedId(id);
      // The merged rows are committed by the next frame; scroll once they are there.
      requestAnimationFrame(() => tableRef.current?.scrollToId(id));
    },
    openJob: onOpen,
  });
  // The jump must see every job: with only the first screen of rows yet, it waits for the rest. The latest
  // jump (over the whole list's rows) is the one to run once they are there.
  const wholeList = useWholeList(partial);
  const latestJump = useRef(jump);
  useEffect(() => {
    latestJump.current = jump;
  });
  const onJump = useCallback(
    async (query: string) => {
      await wholeList();
      return latestJump.current(query);
    },
    [wholeList],
  );

  const error =
    jobsQuery.error instanceof ApiError
      ? jobsQuery.error
      : queue.error instanceof ApiError
        ? queue.error
        : stream.upstreamError;
  const clearFindingJobs = () => setFilters({ jobs: "", finding: "" });
  const clearFilters = () => setFilters({ pipeline: "", branch: "", step: "", rules: "", jobs: "", finding: "" });
  // A finding narrows the table to exactly its jobs through the URL, like every other filter, so Back undoes it.
  const showFinding = useCallback(
    (finding: Finding) => setFilters({ jobs: finding.jobIds.join(","), finding: findingTitle(finding) }),
    [setFilters],
  );
  const selectFinding = useCallback(
    (finding: Finding) => {
      showFinding(finding);
      selectOnly(finding.jobIds);
    },
    [showFinding, selectOnly],
  );

  return (
    <div className="space-y-5">
      <StackTitle stackKey={stackKey} queueKey={queueKey} />

      <QueueHeader queue={queue.data?.data} overThreshold={overThreshold} thresholds={thresholds} now={now} />
      {queue.data && (
        <DispatchControl stackKey={stackKey} queueKey={queueKey} paused={queue.data.data.dispatchPaused} />
      )}
      <RefreshControls
        intervalMs={refresh.intervalMs}
        onIntervalChange={refresh.setIntervalMs}
        paused={refresh.paused}
        onPausedChange={refresh.setPaused}
        updatedAt={jobsQuery.dataUpdatedAt}
        stream={stream}
        // The server never fetches while rendering, but a browser hydrating a page older than the data's
        // staleTime already counts the refetch it is about to start: say so only once hydrated, or the text
        // differs from the server's HTML.
        fetching={hydrated && jobsQuery.isFetching}
        now={now}
      />
      {error && <StaleWarning error={error} hasData={loaded} />}

      <WhyJobsWaitPanel
        stackKey={stackKey}
        queueKey={queueKey}
        // Findings follow the page's refresh, even while the job list itself streams in.
        refetchInterval={refresh.paused ? false : refresh.intervalMs}
        onShowJobs={showFinding}
        onSelectJobs={selectFinding}
      />
      <QueueHistorySection
        stackKey={stackKey}
        queueKey={queueKey}
        range={urlState.range}
        onRangeChange={setRange}
        scheduledMs={scheduledMs}
        now={now}
        loaded={loaded}
      />

      <JobFiltersBar filters={urlState.filters} onChange={setFilters} firstFilterRef={firstFilterRef} onJump={onJump} />
      <FindingJobsChip filters={urlState.filters} onClear={clearFindingJobs} />

      {/* Tall enough for the bulk bar, so selecting a row does not push the table down. */}
      <div className="flex min-h-12 flex-wrap items-start gap-3">
        {/* Level with the bulk bar's first line when the bar grows to show a form or results. */}
        <div className="flex h-12 items-center gap-3">
          <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {loaded ? `${rows.length} of ${totalCount} jobs shown` : ""}
          </p>
          <NewJobsButton count={newIds.length} onShow={merge} />
        </div>
        {/* Always mounted: it hides itself with nothing selected, but must outlive the selection while a bulk
            action runs and until the operator has read its results (the acted-on rows leave the list). */}
        <div className="ml-auto">
          <BulkActionBar
            stackKey={stackKey}
            queueKey={queueKey}
            selectedIds={selectedIds}
            jobsById={jobsById}
            onClear={clearSelection}
          />
        </div>
      </div>

      {loaded && rows.length > 0 ? (
        <JobsTable
          ref={tableRef}
          rows={rows}
          viewKey={currentFiltersKey}
          jobsById={jobsById}
          selection={selection}
          focusedId={focusedId}
          now={now}
          filters={filters}
          onSort={onSort}
          allMatchingSelected={allSelected(selection, rows)}
          onToggleAll={onToggleAll}
          onToggle={onToggle}
          onFocusRow={setFocusedId}
          onOpen={onOpen}
        />
      ) : (
        <JobsTableStates
          loaded={loaded}
          failed={error !== null}
          anyJobs={jobs.length > 0}
          onClearFilters={clearFilters}
          onRetry={() => void jobsQuery.refetch()}
        />
      )}

      <KeyHints />

      {urlState.jobId !== null && (
        <JobDrawer
          stackKey={stackKey}
          queueKey={queueKey}
          jobId={urlState.jobId}
          job={jobsById.get(urlState.jobId)}
          onClose={() => openJob(null)}
        />
      )}
    </div>
  );
}
