import { setTimeout as sleep } from "node:timers/promises";
import { deliveryHeaders, type WebhookMode } from "./webhook-signature";

export interface WebhookDeliveryOptions {
  /** Waits before each retry; its length is the number of retries. Default 200 ms, 1 s, 3 s. */
  retryDelaysMs: readonly number[];
  /** Per attempt, so a receiver that never answers holds its queue up only this long. Default 10 s. */
  timeoutMs: number;
  /** Pending deliveries kept per receiver; past it the oldest is dropped and counted. Default 10 000. */
  queueLimit: number;
}

export const DEFAULT_WEBHOOK_DELIVERY: WebhookDeliveryOptions = {
  retryDelaysMs: [200, 1_000, 3_000],
  timeoutMs: 10_000,
  queueLimit: 10_000,
};

export interface WebhookReceiverSpec {
  url: string;
  token: string;
  mode: WebhookMode;
  events: string[];
}

export type DeliveryOutcome = "queued" | "sending" | "delivered" | "failed" | "dropped";

export interface DeliveryRecord {
  id: number;
  event: string;
  outcome: DeliveryOutcome;
  /** Attempts made so far (0 while queued). */
  attempt: number;
  /** The last attempt's HTTP status, or null when it got none. */
  status: number | null;
  /** The last attempt's network error, or why the delivery was dropped. */
  error: string | null;
  queuedAt: string;
  lastAttemptAt: string | null;
  finishedAt: string | null;
}

/** What a fault does to one delivery; see FaultBook.takeWebhook. */
export interface DeliveryFault {
  drop: boolean;
  delayMs: number;
}

interface Delivery {
  record: DeliveryRecord;
  body: string;
  fault: DeliveryFault | undefined;
}

const LOG_SIZE = 50;

const wallClock = (): string => new Date().toISOString();

/**
 * One registered receiver and its serial delivery queue: a delivery (with its retries) ends before the next
 * starts, so a receiver always sees one subject's events in the order they happened.
 */
export class WebhookReceiver {
  /** Deliveries dropped because the queue was full. */
  overflowed = 0;
  private readonly pending: Delivery[] = [];
  private head = 0;
  private log: DeliveryRecord[] = [];
  private nextDeliveryId = 1;
  private draining = false;
  /** Bumped to abandon queued and in-flight deliveries (reset, removal). */
  private generation = 0;
  /** Aborts the attempt in flight when the deliveries are abandoned, so no socket outlives them. */
  private abandoned = new AbortController();

  constructor(
    readonly id: string,
    readonly spec: WebhookReceiverSpec,
    private readonly options: WebhookDeliveryOptions,
  ) {}

  wants(event: string): boolean {
    return this.spec.events.includes("*") || this.spec.events.includes(event);
  }

  get queued(): number {
    return this.pending.length - this.head;
  }

  enqueue(event: string, body: string, fault: DeliveryFault | undefined): void {
    const record: DeliveryRecord = {
      id: this.nextDeliveryId++,
      event,
      outcome: "queued",
      attempt: 0,
      status: null,
      error: null,
      queuedAt: wallClock(),
      lastAttemptAt: null,
      finishedAt: null,
    };
    this.remember(record);
    if (this.queued >= this.options.queueLimit) {
      const oldest = this.take();
      if (oldest !== undefined) this.finish(oldest.record, "dropped", "queue full");
      this.overflowed++;
    }
    this.pending.push({ record, body, fault });
    if (!this.draining) {
      this.draining = true;
      const generation = this.generation;
      // Sending starts on a later turn, so the change that caused the event (and its response) is never held up.
      setImmediate(() => void this.drain(generation)).unref();
    }
  }

  deliveries(): DeliveryRecord[] {
    return this.log.map((record) => ({ ...record }));
  }

  /** Forgets queued deliveries and the log; one in flight is abandoned without another attempt. */
  abandon(): void {
    this.generation++;
    this.abandoned.abort();
    this.abandoned = new AbortController();
    this.pending.length = 0;
    this.head = 0;
    this.log = [];
    this.draining = false;
  }

  private async drain(generation: number): Promise<void> {
    try {
      // An abandoned drain takes nothing more: what is queued now belongs to the drain started after it.
      while (generation === this.generation) {
        const next = this.take();
        if (next === undefined) {
          this.draining = false;
          return;
        }
        await this.deliver(next, generation);
      }
    } catch (error) {
      // Deliver handles every failure it expects; anything else must not become an unhandled rejection.
      console.error("[simulator] webhook queue stopped", error);
      if (generation === this.generation) this.draining = false;
    }
  }

  private async deliver({ record, body, fault }: Delivery, generation: number): Promise<void> {
    if (fault?.drop === true) {
      this.finish(record, "dropped", "fault");
      return;
    }
    if (fault !== undefined && fault.delayMs > 0) await pause(fault.delayMs);
    for (let attempt = 1; ; attempt++) {
      if (generation !== this.generation) return;
      record.outcome = "sending";
      record.attempt = attempt;
      record.lastAttemptAt = wallClock();
      const ok = await this.attempt(record, body);
      if (generation !== this.generation) return;
      if (ok) {
        this.finish(record, "delivered", null);
        return;
      }
      const delay = this.options.retryDelaysMs[attempt - 1];
      if (delay === undefined) {
        this.finish(record, "failed", record.error);
        return;
      }
      await pause(delay);
    }
  }

  private async attempt(record: DeliveryRecord, body: string): Promise<boolean> {
    try {
      const response = await fetch(this.spec.url, {
        method: "POST",
        headers: deliveryHeaders(this.spec, record.event, body, Date.now()),
        body,
        redirect: "manual",
        signal: AbortSignal.any([this.abandoned.signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
      // Read to the end so the connection goes back to the pool.
      await response.arrayBuffer().catch(() => undefined);
      record.status = response.status;
      record.error = null;
      return response.status >= 200 && response.status < 300;
    } catch (error) {
      record.status = null;
      record.error = error instanceof Error ? describeNetworkError(error) : String(error);
      return false;
    }
  }

  private take(): Delivery | undefined {
    const next = this.pending[this.head];
    if (next === undefined) return undefined;
    this.head++;
    // Compact now and then, so a long-lived queue neither grows without end nor shifts on every take.
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    return next;
  }

  private finish(record: DeliveryRecord, outcome: DeliveryOutcome, error: string | null): void {
    record.outcome = outcome;
    record.error = error;
    record.finishedAt = wallClock();
  }

  private remember(record: DeliveryRecord): void {
    this.log.push(record);
    if (this.log.length > LOG_SIZE) this.log.splice(0, this.log.length - LOG_SIZE);
  }
}

/** Unref'd, so a forgotten simulator with deliveries pending never keeps a process alive. */
function pause(ms: number): Promise<void> {
  return sleep(ms, undefined, { ref: false });
}

/** fetch says only "fetch failed"; the cause says what (ECONNREFUSED, a timeout). */
function describeNetworkError(error: Error): string {
  const cause: unknown = error.cause;
  if (cause instanceof Error) return `${error.message}: ${cause.message}`;
  return error.message;
}
