import "server-only";
import { randomUUID } from "node:crypto";
import type { AuditEntry, AuditOutcome } from "@/lib/schemas/audit";
import type { Database } from "./database";

// Who did what to which jobs, and how it ended. The intent is written before the upstream call and the
// outcome after, so a crash in between leaves a row whose outcome is "unknown" rather than no row at all.

export interface AuditIntent {
  operator: { id: string; name: string; email: string | null; role: string };
  action: string;
  stackKey: string | null;
  jobIds: string[];
  reason: string | null;
  request: Record<string, unknown>;
  requestId: string;
}

export interface AuditSettlement {
  outcome: AuditOutcome;
  upstreamStatus?: number | null;
  errorType?: string | null;
  message?: string | null;
  result?: Record<string, unknown> | null;
}

export interface AuditFilter {
  /** Matches the operator's name, email or id, case-insensitively, anywhere in the text. */
  operator?: string;
  action?: string;
  /** A whole job id, or the start of one: rows naming a job whose id starts so. */
  jobId?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
}

export interface AuditPage {
  entries: AuditEntry[];
  total: number;
}

export interface AuditLog {
  begin(intent: AuditIntent, at?: Date): Promise<string>;
  settle(id: string, settlement: AuditSettlement, at?: Date): Promise<void>;
  list(filter: AuditFilter, page: { limit: number; offset: number }): Promise<AuditPage>;
  /** Every matching entry, newest first, a page at a time, for exports of any size. */
  each(filter: AuditFilter, pageSize?: number): AsyncGenerator<AuditEntry>;
}

interface Row {
  id: string;
  started_at: Date | string;
  finished_at: Date | string | null;
  operator_id: string;
  operator_name: string;
  operator_email: string | null;
  role: string;
  action: string;
  stack_key: string | null;
  job_ids: string[];
  reason: string | null;
  request: Record<string, unknown> | string;
  outcome: AuditOutcome;
  upstream_status: number | null;
  error_type: string | null;
  message: string | null;
  result: Record<string, unknown> | string | null;
  request_id: string;
}

const iso = (value: Date | string) => new Date(value).toISOString();
const json = <T>(value: T | string): T => (typeof value === "string" ? (JSON.parse(value) as T) : value);

/**
 * Rows written before a queue pause's note was recorded as its reason hold it only in their request, so it
 * is read from there: every pause shows why.
 */
function reasonOf(row: Row, request: Record<string, unknown>): string | null {
  if (row.reason !== null) return row.reason;
  return row.action === "queue.pause" && typeof request.note === "string" ? request.note : null;
}

function toEntry(row: Row): AuditEntry {
  const request = json(row.request);
  return {
    id: row.id,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    operatorId: row.operator_id,
    operatorName: row.operator_name,
    operatorEmail: row.operator_email,
    role: row.role,
    action: row.action,
    stackKey: row.stack_key,
    jobIds: row.job_ids,
    reason: reasonOf(row, request),
    request,
    outcome: row.outcome,
    upstreamStatus: row.upstream_status,
    errorType: row.error_type,
    message: row.message,
    result: row.result === null ? null : json(row.result),
    requestId: row.request_id,
  };
}

/** A whole job id (a UUID); anything shorter is the start of one. */
const JOB_ID_LENGTH = 36;

/** `text` for a LIKE pattern that matches it literally: `\`, `%` and `_` escaped with LIKE's default `\`. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function where(filter: AuditFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (filter.operator) {
    const pattern = `%${likeLiteral(filter.operator)}%`;
    add((n) => `(operator_name ILIKE ${n} OR operator_email ILIKE ${n} OR operator_id ILIKE ${n})`, pattern);
  }
  if (filter.action) add((n) => `action = ${n}`, filter.action);
  if (filter.jobId && filter.jobId.length === JOB_ID_LENGTH) add((n) => `job_ids @> ARRAY[${n}::text]`, filter.jobId);
  else if (filter.jobId)
    // The start of an id: matched literally (LIKE's own characters escaped), whichever job of the row it is.
    add(
      (n) => `EXISTS (SELECT 1 FROM unnest(job_ids) AS job_id WHERE job_id LIKE ${n})`,
      `${likeLiteral(filter.jobId)}%`,
    );
  if (filter.outcome) add((n) => `outcome = ${n}`, filter.outcome);
  if (filter.from) add((n) => `started_at >= ${n}`, filter.from.toISOString());
  if (filter.to) add((n) => `started_at < ${n}`, filter.to.toISOString());
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export function createAuditLog(db: Pick<Database, "query">): AuditLog {
  async function list(filter: AuditFilter, page: { limit: number; offset: number }): Promise<AuditPage> {
    const { sql, params } = where(filter);
    const n = params.length;
    const rows = await db.query<Row>(
      `SELECT * FROM audit_log ${sql} ORDER BY started_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
      [...params, page.limit, page.offset],
    );
    const [count] = await db.query<{ total: string | number }>(
      `SELECT count(*) AS total FROM audit_log ${sql}`,
      params,
    );
    return { entries: rows.map(toEntry), total: Number(count?.total ?? 0) };
  }

  return {
    async begin(intent, at = new Date()) {
      const id = randomUUID();
      await db.query(
        `INSERT INTO audit_log (id, started_at, operator_id, operator_name, operator_email, role, action, stack_key, job_ids, reason, request, request_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)`,
        [
          id,
          at.toISOString(),
          intent.operator.id,
          intent.operator.name,
          intent.operator.email,
          intent.operator.role,
          intent.action,
          intent.stackKey,
          intent.jobIds,
          intent.reason,
          JSON.stringify(intent.request),
          intent.requestId,
        ],
      );
      return id;
    },
    async settle(id, s, at = new Date()) {
      await db.query(
        `UPDATE audit_log SET finished_at = $2, outcome = $3, upstream_status = $4, error_type = $5, message = $6, result = $7::jsonb WHERE id = $1`,
        [
          id,
          at.toISOString(),
          s.outcome,
          s.upstreamStatus ?? null,
          s.errorType ?? null,
          s.message ?? null,
          s.result ? JSON.stringify(s.result) : null,
        ],
      );
    },
    list,
    async *each(filter, pageSize = 500) {
      // Keyset paging: rows written during a long export land above the cursor, so none repeats or is skipped.
      const { sql, params } = where(filter);
      let cursor: { at: string; id: string } | null = null;
      for (;;) {
        const n = params.length;
        const after: string = cursor
          ? `${sql ? `${sql} AND` : "WHERE"} (started_at, id) < ($${n + 2}::timestamptz, $${n + 3}::uuid)`
          : sql;
        const rows: Row[] = await db.query<Row>(
          `SELECT * FROM audit_log ${after} ORDER BY started_at DESC, id DESC LIMIT $${n + 1}`,
          cursor ? [...params, pageSize, cursor.at, cursor.id] : [...params, pageSize],
        );
        for (const row of rows) yield toEntry(row);
        const last = rows[rows.length - 1];
        if (!last || rows.length < pageSize) return;
        cursor = { at: iso(last.started_at), id: last.id };
      }
    },
  };
}
