import { z } from "zod";
import { HttpError, jsonResponse, parseBody } from "./http-errors";
import type { Route, RouteRequest } from "./routes";
import type { SimRuntime } from "./runtime";
import { WEBHOOK_EVENT_NAMES } from "./sim-events";

export const webhookRegistrationSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "an http:// or https:// URL" }),
  token: z.string().min(1).max(1000),
  mode: z.enum(["token", "signature"]).default("token"),
  events: z.array(z.enum([...WEBHOOK_EVENT_NAMES, "*"], { error: `a Buildkite event name or "*"` })).min(1),
});
export type WebhookRegistration = z.input<typeof webhookRegistrationSchema>;

/** Thrown by `registerWebhook` for a registration the control route would refuse; the message names the field. */
export class InvalidWebhookRegistration extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidWebhookRegistration";
  }
}

/** `/__sim/webhooks`: receivers the simulator POSTs Buildkite-style webhooks to, and what it delivered. */
export function webhookControlRoutes(runtime: SimRuntime): Route[] {
  const register = (request: RouteRequest): Response =>
    jsonResponse(runtime.webhooks.register(parseBody(request.body, webhookRegistrationSchema)), 201);
  const list = (): Response => jsonResponse({ webhooks: runtime.webhooks.list() });
  const removeAll = (): Response => jsonResponse({ removed: runtime.webhooks.removeAll() });
  const removeOne = (request: RouteRequest): Response => {
    const id = request.params.id ?? "";
    if (!runtime.webhooks.remove(id)) throw new HttpError(404, `Webhook ${id} not found`);
    return jsonResponse({ removed: 1 });
  };
  return [
    { method: "POST", pattern: "/__sim/webhooks", handle: register },
    { method: "GET", pattern: "/__sim/webhooks", handle: list },
    { method: "DELETE", pattern: "/__sim/webhooks", handle: removeAll },
    { method: "DELETE", pattern: "/__sim/webhooks/:id", handle: removeOne },
  ];
}
