"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { StaleWarning } from "@/components/ui/stale-warning";
import { secondaryButton } from "@/components/ui/form-styles";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/api/api-error";
import { noBuildFilters } from "@/lib/filters/builds";
import { buildsListQuery } from "@/lib/queries/builds";
import { BuildFiltersForm } from "./build-filters-form";
import { BuildsPager } from "./builds-pager";
import { BuildsTable } from "./builds-table";
import { useBuildFilters } from "./use-build-filters";

/** Builds change state while they run; a list of 30 is read again this often (Buildkite's REST budget is shared). */
const LIST_REFRESH_MS = 15_000;

const box =
  "flex min-h-48 flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center dark:border-zinc-700";

export function BuildsListView() {
  const { filters, search, setFilters } = useBuildFilters();
  // The previous page's rows stay on screen while the next filters load; a failed refresh keeps the last
  // good rows under the stale warning.
  const query = useQuery({
    ...buildsListQuery(filters),
    refetchInterval: LIST_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const now = useNow(5000);
  const builds = query.data?.data;
  const error = query.error instanceof ApiError ? query.error : null;
  const anyFilter = filters.pipeline !== "" || filters.branch !== "" || filters.state !== "";

  return (
    <div className="mt-6 space-y-4">
      {/* Remounted when the URL changes, so back/forward puts the typed filters back too. */}
      <BuildFiltersForm key={search} filters={filters} onApply={setFilters} />
      {error && <StaleWarning error={error} hasData={builds !== undefined} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {builds === undefined
            ? ""
            : query.isPlaceholderData
              ? "Loading…"
              : `${builds.length} build${builds.length === 1 ? "" : "s"} on this page`}
        </p>
        <BuildsPager
          filters={filters}
          pagination={query.isPlaceholderData ? null : (query.data?.pagination ?? null)}
          onPage={(page) => setFilters({ ...filters, page })}
        />
      </div>
      {builds === undefined ? (
        error ? (
          <div className={box}>
            <p className="font-medium">The builds could not be loaded.</p>
            <button type="button" className={secondaryButton} onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          <div className={box} role="status">
            <p className="animate-pulse text-zinc-600 dark:text-zinc-400">Loading builds…</p>
          </div>
        )
      ) : builds.length === 0 ? (
        <div className={box}>
          <p className="font-medium">
            {filters.page > 1 ? "No builds on this page" : anyFilter ? "No builds match the filters" : "No builds yet"}
          </p>
          {anyFilter && (
            <button type="button" className={secondaryButton} onClick={() => setFilters(noBuildFilters)}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <BuildsTable builds={builds} now={now} busy={query.isPlaceholderData} />
      )}
    </div>
  );
}
