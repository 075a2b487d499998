"use client";

import type { MouseEvent } from "react";
import { buildFiltersSearch, type BuildFilters } from "@/lib/filters/builds";
import type { Pagination } from "@/lib/api/envelope";
import { secondaryButton } from "@/components/ui/form-styles";

interface BuildsPagerProps {
  filters: BuildFilters;
  pagination: Pagination | null;
  onPage: (page: number) => void;
}

const pageNumber = (value: number | string | null | undefined) =>
  typeof value === "number" && value >= 1 ? value : null;
const disabledLink = `${secondaryButton} pointer-events-none opacity-60`;

/**
 * Previous and next as real links (a new tab, a copied address) that, on a plain click, move through the
 * list without a server round trip. Buildkite's Link header decides whether there is a next page.
 */
export function BuildsPager({ filters, pagination, onPage }: BuildsPagerProps) {
  const prev = pageNumber(pagination?.prevPage) ?? (filters.page > 1 ? filters.page - 1 : null);
  const next = pageNumber(pagination?.nextPage) ?? (pagination?.hasMore ? filters.page + 1 : null);
  const follow = (page: number) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    onPage(page);
  };
  const link = (page: number | null, label: string, rel: "prev" | "next") =>
    page === null ? (
      <a role="link" aria-disabled="true" className={disabledLink}>
        {label}
      </a>
    ) : (
      <a
        href={`/builds${buildFiltersSearch({ ...filters, page })}`}
        rel={rel}
        onClick={follow(page)}
        className={secondaryButton}
      >
        {label}
      </a>
    );

  return (
    <nav aria-label="Pages of builds" className="flex items-center gap-3">
      {link(prev, "Previous page", "prev")}
      <span className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400">Page {filters.page}</span>
      {link(next, "Next page", "next")}
    </nav>
  );
}
