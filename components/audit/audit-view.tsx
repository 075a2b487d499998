"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import type { MouseEvent } from "react";
import { secondaryButton } from "@/components/ui/form-styles";
import { StaleWarning } from "@/components/ui/stale-warning";
import { ApiError } from "@/lib/api/api-error";
import { auditFilterParams, noAuditFilters, type AuditFilters } from "@/lib/filters/audit";
import { auditQuery } from "@/lib/queries/audit";
import { isTransientFailure } from "@/lib/queries/retry";
import { AuditFiltersForm } from "./audit-filters-form";
import { AuditTable } from "./audit-table";
import { useAuditFilters } from "./use-audit-filters";

const REFRESH_MS = 15_000;
const box =
  "flex min-h-48 flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center dark:border-zinc-700";
const disabledLink = `${secondaryButton} pointer-events-none opacity-60`;

function pageHref(filters: AuditFilters, page: number) {
  const query = auditFilterParams({ ...filters, page }).toString();
  return `/audit${query ? `?${query}` : ""}`;
}

export function AuditView() {
  const { filters, search, setFilters } = useAuditFilters();
  const query = useQuery({
    ...auditQuery(filters),
    // Filters the server refused stay refused: polling them would only repeat the refusal.
    refetchInterval: (current) =>
      current.state.status === "error" && !isTransientFailure(current.state.error) ? false : REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const entries = query.data?.data;
  const total = typeof query.data?.summary.total === "number" ? query.data.summary.total : null;
  const error = query.error instanceof ApiError ? query.error : null;
  const pagination = query.isPlaceholderData ? null : (query.data?.pagination ?? null);
  const csvQuery = auditFilterParams(filters, false);
  const anyFilter = csvQuery.size > 0;
  csvQuery.set("format", "csv");

  const pageLink = (page: number | null, label: string, rel: "prev" | "next") =>
    page === null ? (
      <a role="link" aria-disabled="true" className={disabledLink}>
        {label}
      </a>
    ) : (
      <a
        href={pageHref(filters, page)}
        rel={rel}
        className={secondaryButton}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => {
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
          event.preventDefault();
          setFilters({ ...filters, page });
        }}
      >
        {label}
      </a>
    );

  return (
    <div className="mt-6 space-y-4">
      <AuditFiltersForm key={search} filters={filters} onApply={setFilters} />
      {error && <StaleWarning error={error} hasData={entries !== undefined} />}
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
          {total === null ? "" : query.isPlaceholderData ? "Loading…" : `${total} entr${total === 1 ? "y" : "ies"}`}
        </p>
        <div className="flex items-center gap-3">
          <a href={`/api/v1/audit?${csvQuery}`} download className={secondaryButton}>
            <Download aria-hidden className="size-4" />
            Download CSV
          </a>
          <nav aria-label="Pages of the audit log" className="flex items-center gap-3">
            {pageLink(typeof pagination?.prevPage === "number" ? pagination.prevPage : null, "Previous page", "prev")}
            <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">Page {filters.page}</span>
            {pageLink(typeof pagination?.nextPage === "number" ? pagination.nextPage : null, "Next page", "next")}
          </nav>
        </div>
      </div>
      {entries === undefined ? (
        error ? (
          <div className={box}>
            <p className="font-medium">The audit log could not be loaded.</p>
            <button type="button" className={secondaryButton} onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          <div className={box} role="status">
            <p className="animate-pulse text-zinc-600 dark:text-zinc-400">Loading the audit log…</p>
          </div>
        )
      ) : entries.length === 0 ? (
        <div className={box}>
          <p className="font-medium">
            {anyFilter
              ? "No entries match the filters"
              : filters.page > 1
                ? "No entries on this page"
                : "Nothing has been changed through the console yet"}
          </p>
          {anyFilter && (
            <button type="button" className={secondaryButton} onClick={() => setFilters(noAuditFilters)}>
              Clear filters
            </button>
          )}
        </div>
      ) : (
        <AuditTable entries={entries} busy={query.isPlaceholderData} />
      )}
    </div>
  );
}
