import "server-only";
import { randomUUID } from "node:crypto";
import type { Database } from "./database";

// The console's own record of what its operators did to jobs: the history shown in the job drawer, the
// reservations page and the per-job notification count. Kept in the durable store, so it survives a
// restart. Calls take lists: a bulk reserve of 1000 jobs is one statement, not a thousand.

export type LedgerAction = "reserve" | "extend" | "release" | "finish" | "notify";
export type LedgerOutcome = "ok" | "failed" | "unknown";

export interface LedgerEvent {
  id: string;
  at: string;
  stackKey: string;
  jobId: string;
  action: LedgerAction;
  operator: string;
  detail: string | null;
  outcome: LedgerOutcome;
  message: string | null;
}

export interface LedgerReservation {
  stackKey: string;
  jobId: string;
  reservedBy: string;
  reservedAt: string;
  expiresAt: string;
  expirySeconds: number;
  /** The job's pipeline, build and queue as listed when it was reserved; null when it was not seen listed. */
  pipelineSlug: string | null;
  buildNumber: number | null;
  queueKey: string | null;
}

export type LedgerIntent = Omit<LedgerEvent, "id" | "at" | "outcome" | "message">;
export interface LedgerSettlement {
  id: string;
  outcome: Exclude<LedgerOutcome, "unknown">;
  message?: string | null;
}

export interface Ledger {
  /** Writes the intents before the upstream call; settle them with the outcome afterwards. */
  begin(intents: LedgerIntent[]): Promise<LedgerEvent[]>;
  settle(settlements: LedgerSettlement[]): Promise<void>;
  recordReservations(reservations: LedgerReservation[]): Promise<void>;
  /** Which of `jobIds` the console holds an unexpired reservation on. */
  reservedJobs(stackKey: string, jobIds: string[], now?: number): Promise<Set<string>>;
  activeReservation(stackKey: string, jobId: string, now?: number): Promise<LedgerReservation | null>;
  activeReservations(now?: number): Promise<LedgerReservation[]>;
  /** A stack's reservations that ran out in the last day without the console ending them (no release or finish). */
  expiredReservations(stackKey: string, now?: number): Promise<LedgerReservation[]>;
  endReservation(stackKey: string, jobId: string): Promise<void>;
  endReservations(stackKey: string, jobIds: string[]): Promise<void>;
  /** Newest first, at most the last 500. */
  history(stackKey: string, jobId: string): Promise<LedgerEvent[]>;
  notificationsSent(stackKey: string, jobId: string): Promise<number>;
}

const HISTORY_LIMIT = 500;
/**
 * How long a reservation that ran out without being ended stays in the table: triage reports it as
 * reservation_expired meanwhile, and a day is long enough for someone to look. Older ones are pruned.
 */
const EXPIRED_KEPT_MS = 24 * 60 * 60 * 1000;

interface ReservationRow {
  stack_key: string;
  job_id: string;
  reserved_by: string;
  reserved_at: Date | string;
  expires_at: Date | string;
  expiry_seconds: number;
  pipeline_slug: string | null;
  build_number: number | null;
  queue_key: string | null;
}

interface EventRow {
  id: string;
  at: Date | string;
  stack_key: string;
  job_id: string;
  action: LedgerAction;
  operator: string;
  detail: string | null;
  outcome: LedgerOutcome;
  message: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

const toReservation = (row: ReservationRow): LedgerReservation => ({
  stackKey: row.stack_key,
  jobId: row.job_id,
  reservedBy: row.reserved_by,
  reservedAt: iso(row.reserved_at),
  expiresAt: iso(row.expires_at),
  expirySeconds: row.expiry_seconds,
  pipelineSlug: row.pipeline_slug,
  buildNumber: row.build_number,
  queueKey: row.queue_key,
});

const toEvent = (row: EventRow): LedgerEvent => ({
  id: row.id,
  at: iso(row.at),
  stackKey: row.stack_key,
  jobId: row.job_id,
  action: row.action,
  operator: row.operator,
  detail: row.detail,
  outcome: row.outcome,
  message: row.message,
});

/** A ledger over the store; `database` is asked for on each call, so the store opens only when first used. */
export function createStoreLedger(database: () => Promise<Pick<Database, "query">>): Ledger {
  const query = async <R extends object>(text: string, params: unknown[]) => (await database()).query<R>(text, params);

  return {
    async begin(intents) {
      const at = new Date().toISOString();
      const events: LedgerEvent[] = intents.map((intent) => ({
        ...intent,
        id: randomUUID(),
        at,
        outcome: "unknown",
        message: null,
      }));
      if (events.length === 0) return events;
      await query(
        `INSERT INTO ledger_events (id, at, stack_key, job_id, action, operator, detail)
         SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
        [
          events.map((e) => e.id),
          events.map((e) => e.at),
          events.map((e) => e.stackKey),
          events.map((e) => e.jobId),
          events.map((e) => e.action),
          events.map((e) => e.operator),
          events.map((e) => e.detail),
        ],
      );
      return events;
    },
    async settle(settlements) {
      if (settlements.length === 0) return;
      await query(
        `UPDATE ledger_events AS e SET outcome = s.outcome, message = s.message
         FROM unnest($1::uuid[], $2::text[], $3::text[]) AS s(id, outcome, message) WHERE e.id = s.id`,
        [settlements.map((s) => s.id), settlements.map((s) => s.outcome), settlements.map((s) => s.message ?? null)],
      );
    },
    async recordReservations(reservations) {
      if (reservations.length === 0) return;
      await query(
        `INSERT INTO reservations (stack_key, job_id, reserved_by, reserved_at, expires_at, expiry_seconds,
           pipeline_slug, build_number, queue_key)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::integer[],
           $7::text[], $8::integer[], $9::text[])
         ON CONFLICT (stack_key, job_id) DO UPDATE SET reserved_by = excluded.reserved_by, reserved_at = excluded.reserved_at,
           expires_at = excluded.expires_at, expiry_seconds = excluded.expiry_seconds,
           pipeline_slug = coalesce(excluded.pipeline_slug, reservations.pipeline_slug),
           build_number = coalesce(excluded.build_number, reservations.build_number),
           queue_key = coalesce(excluded.queue_key, reservations.queue_key)`,
        [
          reservations.map((r) => r.stackKey),
          reservations.map((r) => r.jobId),
          reservations.map((r) => r.reservedBy),
          reservations.map((r) => r.reservedAt),
          reservations.map((r) => r.expiresAt),
          reservations.map((r) => r.expirySeconds),
          reservations.map((r) => r.pipelineSlug),
          reservations.map((r) => r.buildNumber),
          reservations.map((r) => r.queueKey),
        ],
      );
    },
    async reservedJobs(stackKey, jobIds, now = Date.now()) {
      if (jobIds.length === 0) return new Set();
      const rows = await query<{ job_id: string }>(
        "SELECT job_id FROM reservations WHERE stack_key = $1 AND job_id = ANY($2::text[]) AND expires_at > $3",
        [stackKey, jobIds, new Date(now).toISOString()],
      );
      return new Set(rows.map((r) => r.job_id));
    },
    async activeReservation(stackKey, jobId, now = Date.now()) {
      const [row] = await query<ReservationRow>(
        "SELECT * FROM reservations WHERE stack_key = $1 AND job_id = $2 AND expires_at > $3",
        [stackKey, jobId, new Date(now).toISOString()],
      );
      return row ? toReservation(row) : null;
    },
    async activeReservations(now = Date.now()) {
      const cutoff = new Date(now).toISOString();
      await query("DELETE FROM reservations WHERE expires_at <= $1", [new Date(now - EXPIRED_KEPT_MS).toISOString()]);
      const rows = await query<ReservationRow>(
        "SELECT * FROM reservations WHERE expires_at > $1 ORDER BY expires_at, stack_key, job_id",
        [cutoff],
      );
      return rows.map(toReservation);
    },
    async expiredReservations(stackKey, now = Date.now()) {
      const rows = await query<ReservationRow>(
        "SELECT * FROM reservations WHERE stack_key = $1 AND expires_at <= $2 AND expires_at > $3 ORDER BY expires_at, job_id",
        [stackKey, new Date(now).toISOString(), new Date(now - EXPIRED_KEPT_MS).toISOString()],
      );
      return rows.map(toReservation);
    },
    async endReservation(stackKey, jobId) {
      await query("DELETE FROM reservations WHERE stack_key = $1 AND job_id = $2", [stackKey, jobId]);
    },
    async endReservations(stackKey, jobIds) {
      if (jobIds.length === 0) return;
      await query("DELETE FROM reservations WHERE stack_key = $1 AND job_id = ANY($2::text[])", [stackKey, jobIds]);
    },
    async history(stackKey, jobId) {
      const rows = await query<EventRow>(
        "SELECT id, at, stack_key, job_id, action, operator, detail, outcome, message FROM ledger_events WHERE stack_key = $1 AND job_id = $2 ORDER BY seq DESC LIMIT $3",
        [stackKey, jobId, HISTORY_LIMIT],
      );
      return rows.map(toEvent);
    },
    async notificationsSent(stackKey, jobId) {
      const [row] = await query<{ n: string | number }>(
        "SELECT count(*) AS n FROM ledger_events WHERE stack_key = $1 AND job_id = $2 AND action = 'notify' AND outcome = 'ok'",
        [stackKey, jobId],
      );
      return Number(row?.n ?? 0);
    },
  };
}
