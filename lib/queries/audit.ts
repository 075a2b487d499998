import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../api/api-fetch";
import { apiPaths } from "../api/paths";
import { auditApiQuery, type AuditFilters } from "../filters/audit";
import { auditEntrySchema } from "../schemas/audit";
import { queryKeys } from "./keys";

/** A page of the audit log, newest first. */
export const auditQuery = (filters: AuditFilters) =>
  queryOptions({
    queryKey: queryKeys.audit.page(filters),
    queryFn: ({ signal }) => apiFetch(apiPaths.audit(auditApiQuery(filters)), z.array(auditEntrySchema), { signal }),
  });
