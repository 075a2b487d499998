import "server-only";
import type { Runtime } from "../runtime";
import { afterResponse } from "./after-response";
import { agentEvents } from "./agent-events";
import type { Delivery } from "./delivery-schema";
import { eventFamily } from "./event-family";
import { dropAgentsRead, refreshAfterWebhook } from "./refresh-reads";

/** What the console does with a verified, first-seen delivery. */
export type DeliveryAction = "refresh" | "agent_recorded" | "none" | "ignored";

export interface DispatchedDelivery {
  event: string;
  accepted: true;
  action: DeliveryAction;
}

/**
 * Decides what a delivery calls for and answers at once: reading Buildkite again takes longer than
 * Buildkite waits for a webhook's answer, so refreshes run after the response (`schedule`).
 */
export function dispatchDelivery(
  runtime: Runtime,
  delivery: Delivery,
  { receivedAt, schedule = afterResponse }: { receivedAt: Date; schedule?: (task: () => Promise<void>) => void },
): DispatchedDelivery {
  const answer = (action: DeliveryAction): DispatchedDelivery => ({ event: delivery.event, accepted: true, action });
  switch (eventFamily(delivery.event)) {
    case "job":
    case "build":
      schedule(() => refreshAfterWebhook(runtime, delivery));
      return answer("refresh");
    case "agent":
      agentEvents().record(delivery.event, delivery.agent, receivedAt);
      schedule(() => dropAgentsRead(runtime));
      return answer("agent_recorded");
    // A ping proves the webhook works; a blocked registration changes nothing the console reads.
    case "ping":
    case "cluster_token":
      return answer("none");
    case "unknown":
      return answer("ignored");
  }
}
