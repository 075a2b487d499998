import { z } from "zod";
import { AUDIT_PER_PAGE, auditOutcomes } from "../schemas/audit";

// The filters of the /audit page, which live in its URL (`/audit?operator=&action=&jobId=&outcome=&from=&to=&page=`)
// so a reload or a shared link shows the same rows.

/** The shape of a Buildkite job id: `x` is a hex digit. */
const JOB_ID_SHAPE = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
/** Fewer characters than this would match a good part of any log. */
export const MIN_JOB_ID_PREFIX = 4;

/** Whether `text` (lowercase) is the start of a job id, dashes where a UUID has them, or a whole one. */
export function isJobIdPrefix(text: string): boolean {
  if (text.length < MIN_JOB_ID_PREFIX || text.length > JOB_ID_SHAPE.length) return false;
  return [...text].every((char, i) => (JOB_ID_SHAPE[i] === "-" ? char === "-" : /^[0-9a-f]$/.test(char)));
}

/**
 * The audit log's Job ID filter: a whole job id or its start, such as the 8 characters the console shows
 * for every job. Buildkite's ids are lowercase, so the filter is too.
 */
export const auditJobIdInput = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    isJobIdPrefix,
    `must be a job ID or its first ${MIN_JOB_ID_PREFIX} or more characters (hexadecimal digits, dashes where the ID has them)`,
  );

export interface AuditFilters {
  operator: string;
  action: string;
  /** A job id or its start (see auditJobIdInput). */
  jobId: string;
  /** One of `auditOutcomes`, or "" for any. */
  outcome: string;
  /** ISO timestamps, or "" for open-ended. */
  from: string;
  to: string;
  page: number;
}

export const noAuditFilters: AuditFilters = {
  operator: "",
  action: "",
  jobId: "",
  outcome: "",
  from: "",
  to: "",
  page: 1,
};

const isoOrEmpty = (value: string | null) => {
  const text = (value ?? "").trim();
  return text !== "" && !Number.isNaN(Date.parse(text)) ? new Date(text).toISOString() : "";
};

export function parseAuditFilters(params: { get(name: string): string | null }): AuditFilters {
  const outcome = params.get("outcome") ?? "";
  const page = Number(params.get("page") ?? "1");
  return {
    operator: (params.get("operator") ?? "").trim(),
    action: (params.get("action") ?? "").trim(),
    jobId: (params.get("jobId") ?? "").trim(),
    outcome: (auditOutcomes as readonly string[]).includes(outcome) ? outcome : "",
    from: isoOrEmpty(params.get("from")),
    to: isoOrEmpty(params.get("to")),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The filters as search params, leaving out what is at its default; `page` only when asked. */
export function auditFilterParams(filters: AuditFilters, withPage = true): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of ["operator", "action", "jobId", "outcome", "from", "to"] as const)
    if (filters[name]) params.set(name, filters[name]);
  if (withPage && filters.page > 1) params.set("page", String(filters.page));
  return params;
}

/** The BFF's `audit.list` query for `filters`. */
export function auditApiQuery(filters: AuditFilters): Record<string, string> {
  return {
    ...Object.fromEntries(auditFilterParams(filters, false)),
    page: String(filters.page),
    perPage: String(AUDIT_PER_PAGE),
  };
}
