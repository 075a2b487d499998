"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { buildFiltersSearch, parseBuildFilters, type BuildFilters } from "@/lib/filters/builds";

/**
 * The builds list's filters, read from the URL and written back as a new history entry, so back and forward
 * step through the operator's filters and a copied link opens the same list. history.pushState keeps Next's
 * router (and useSearchParams) in step without re-rendering the server page for every change.
 */
export function useBuildFilters() {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => parseBuildFilters(new URLSearchParams(search)), [search]);
  const setFilters = useCallback((next: BuildFilters) => {
    const target = `${window.location.pathname}${buildFiltersSearch(next)}`;
    if (target !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", target);
  }, []);
  return { filters, search, setFilters };
}
