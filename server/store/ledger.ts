import "server-only";
import { randomUUID } from "node:crypto";

// The console's own record of what its operators did to jobs: the history shown in the job drawer, the
// reservations page and the per-job notification count. Kept in memory for now; the interface is what a
// durable store (PostgreSQL / PGlite) will implement, so callers do not change when it becomes durable.

export type LedgerAction = "reserve" | "extend" | "finish" | "notify";
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
}

export interface Ledger {
  /** Writes the intent before the upstream call; settle it with the outcome afterwards. */
  begin(entry: Omit<LedgerEvent, "id" | "at" | "outcome" | "message">): LedgerEvent;
  settle(eventId: string, outcome: Exclude<LedgerOutcome, "unknown">, message?: string | null): void;
  recordReservation(reservation: LedgerReservation): void;
  activeReservation(stackKey: string, jobId: string, now?: number): LedgerReservation | null;
  activeReservations(now?: number): LedgerReservation[];
  endReservation(stackKey: string, jobId: string): void;
  history(stackKey: string, jobId: string): LedgerEvent[];
  notificationsSent(stackKey: string, jobId: string): number;
}

const MAX_EVENTS_PER_JOB = 500;
const jobKey = (stackKey: string, jobId: string) => `${stackKey}\n${jobId}`;

export function createMemoryLedger(): Ledger {
  const events = new Map<string, LedgerEvent[]>();
  const byId = new Map<string, LedgerEvent>();
  const reservations = new Map<string, LedgerReservation>();

  const isActive = (r: LedgerReservation, now: number) => Date.parse(r.expiresAt) > now;

  return {
    begin(entry) {
      const event: LedgerEvent = { ...entry, id: randomUUID(), at: new Date().toISOString(), outcome: "unknown", message: null };
      const key = jobKey(entry.stackKey, entry.jobId);
      const list = events.get(key) ?? [];
      list.push(event);
      if (list.length > MAX_EVENTS_PER_JOB) byId.delete(list.shift()?.id ?? "");
      events.set(key, list);
      byId.set(event.id, event);
      return event;
    },
    settle(eventId, outcome, message = null) {
      const event = byId.get(eventId);
      if (event) Object.assign(event, { outcome, message });
    },
    recordReservation(reservation) {
      reservations.set(jobKey(reservation.stackKey, reservation.jobId), reservation);
    },
    activeReservation(stackKey, jobId, now = Date.now()) {
      const reservation = reservations.get(jobKey(stackKey, jobId));
      return reservation && isActive(reservation, now) ? reservation : null;
    },
    activeReservations(now = Date.now()) {
      for (const [key, r] of reservations) if (!isActive(r, now)) reservations.delete(key);
      return [...reservations.values()].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    },
    endReservation(stackKey, jobId) {
      reservations.delete(jobKey(stackKey, jobId));
    },
    history(stackKey, jobId) {
      return [...(events.get(jobKey(stackKey, jobId)) ?? [])].reverse();
    },
    notificationsSent(stackKey, jobId) {
      return (events.get(jobKey(stackKey, jobId)) ?? []).filter((e) => e.action === "notify" && e.outcome === "ok").length;
    },
  };
}
