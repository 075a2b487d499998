import type { FaultBook } from "./faults";
import type { SimEvent } from "./sim-events";
import type { SimState } from "./state";
import { webhookPayload } from "./webhook-payloads";
import {
  WebhookReceiver,
  type DeliveryRecord,
  type WebhookDeliveryOptions,
  type WebhookReceiverSpec,
} from "./webhook-receiver";

export interface WebhookReceiverJson {
  id: string;
  url: string;
  mode: WebhookReceiverSpec["mode"];
  events: string[];
  /** Deliveries waiting their turn. */
  queued: number;
  /** Deliveries dropped because the queue was full. */
  overflowed: number;
  /** The last 50, oldest first. */
  deliveries: DeliveryRecord[];
}

/**
 * The registered webhook receivers. Receivers are configuration: they outlive a reset, as tokens do; what
 * was queued for or logged about the world before a reset does not.
 */
export class WebhookHub {
  private readonly receivers = new Map<string, WebhookReceiver>();
  private nextId = 1;
  /** The REST API root that URLs in payloads point at; the origin the simulator is reached by, once known. */
  private apiBase = "https://api.buildkite.com/v2";

  constructor(
    private readonly faults: FaultBook,
    private readonly options: WebhookDeliveryOptions,
  ) {}

  setPublicOrigin(origin: string): void {
    this.apiBase = `${origin}/v2`;
  }

  register(spec: WebhookReceiverSpec): { id: string } {
    const id = `webhook-${this.nextId++}`;
    this.receivers.set(id, new WebhookReceiver(id, spec, this.options));
    return { id };
  }

  remove(id: string): boolean {
    const receiver = this.receivers.get(id);
    receiver?.abandon();
    return this.receivers.delete(id);
  }

  removeAll(): number {
    const removed = this.receivers.size;
    for (const receiver of this.receivers.values()) receiver.abandon();
    this.receivers.clear();
    return removed;
  }

  /** After a reset: the old world's pending deliveries and their log go; the receivers stay. */
  forgetDeliveries(): void {
    for (const receiver of this.receivers.values()) receiver.abandon();
  }

  list(): WebhookReceiverJson[] {
    return [...this.receivers.values()].map((receiver) => ({
      id: receiver.id,
      url: receiver.spec.url,
      mode: receiver.spec.mode,
      events: receiver.spec.events,
      queued: receiver.queued,
      overflowed: receiver.overflowed,
      deliveries: receiver.deliveries(),
    }));
  }

  /** The state machine's sink. Costs nothing when no receiver wants the event; the payload is built once. */
  publish(event: SimEvent, state: SimState): void {
    if (this.receivers.size === 0) return;
    const targets = [...this.receivers.values()].filter((receiver) => receiver.wants(event.name));
    if (targets.length === 0) return;
    const payload = webhookPayload(event, state, this.apiBase);
    if (payload === null) return;
    const body = JSON.stringify(payload);
    for (const receiver of targets) receiver.enqueue(event.name, body, this.faults.takeWebhook(event.name));
  }
}
