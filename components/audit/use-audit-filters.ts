"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { auditFilterParams, parseAuditFilters, type AuditFilters } from "@/lib/filters/audit";

/** The audit page's filters, read from the URL and written back as a history entry (as on the builds list). */
export function useAuditFilters() {
  const searchParams = useSearchParams();
  const search = searchParams.toString();
  const filters = useMemo(() => parseAuditFilters(new URLSearchParams(search)), [search]);
  const setFilters = useCallback((next: AuditFilters) => {
    const query = auditFilterParams(next).toString();
    const target = `${window.location.pathname}${query ? `?${query}` : ""}`;
    if (target !== `${window.location.pathname}${window.location.search}`) window.history.pushState(null, "", target);
  }, []);
  return { filters, search, setFilters };
}
