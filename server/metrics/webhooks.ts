import "server-only";
import { Counter, type Registry } from "prom-client";
import type { EventFamily } from "../webhooks/event-family";

export type WebhookOutcome = "accepted" | "duplicate" | "unauthorized" | "invalid";

/** Buildkite's webhook deliveries by event family and how the console answered them. */
export function createWebhookMetrics(registry: Registry) {
  const deliveries = new Counter({
    name: "stack_console_webhook_deliveries_total",
    help: "Webhook deliveries by event family (ping, job, build, agent, cluster_token, unknown) and outcome (accepted, duplicate, unauthorized, invalid)",
    labelNames: ["event_type", "outcome"] as const,
    registers: [registry],
  });
  return {
    delivery(eventType: EventFamily, outcome: WebhookOutcome): void {
      deliveries.inc({ event_type: eventType, outcome });
    },
  };
}
