import "server-only";
import { randomUUID } from "node:crypto";
import { API_VERSION, type SuccessEnvelope } from "@/lib/api/envelope";
import { log } from "../log";
import { consoleMetrics } from "../metrics/registry";
import type { WebhookOutcome } from "../metrics/webhooks";
import { withRequestId } from "../request-context";
import { ConsoleError } from "../route-kit/console-error";
import { envelopeText, failureEnvelope } from "../route-kit/envelope-json";
import { toEnvelopeError } from "../route-kit/error-envelope";
import { runtime } from "../runtime";
import { claimDelivery } from "./deduplicate";
import { parseDelivery, type Delivery } from "./delivery-schema";
import { dispatchDelivery } from "./dispatch-delivery";
import { eventFamily, type EventFamily } from "./event-family";
import { parseDeliveryJson, readDeliveryBody } from "./read-delivery-body";
import { verifyDelivery, type RefusalReason } from "./verify-delivery";

// POST /api/v1/webhooks/buildkite. Buildkite holds no operator session and sends no browser headers, so
// this is not a command(): the webhook's token is the authentication, and the same-origin check (which is
// for browsers) does not apply. Answers are still the API's envelope, with an X-Request-Id.

const COMMAND = "webhooks.buildkite";

const refusals: Record<RefusalReason, string> = {
  missing: "The delivery is not signed: send X-Buildkite-Signature or X-Buildkite-Token.",
  malformed: "The delivery's X-Buildkite-Signature is malformed: expected timestamp=<unix seconds>,signature=<hex>.",
  invalid: "The delivery's signature or token is invalid.",
  stale: "The delivery's signature timestamp is more than 5 minutes from now: it may be a replay.",
};

function answer(status: number, envelope: unknown, requestId: string): Response {
  const { text, serialised } = envelopeText(envelope, COMMAND, requestId);
  return new Response(text, {
    status: serialised ? status : 500,
    headers: { "content-type": "application/json", "cache-control": "no-store", "x-request-id": requestId },
  });
}

function accepted<D>(data: D, event: string): SuccessEnvelope<D> {
  return {
    ok: true,
    apiVersion: API_VERSION,
    command: COMMAND,
    request: { event },
    summary: {},
    pagination: null,
    data,
    error: null,
  };
}

interface Answer {
  status: number;
  envelope: unknown;
  /** How the delivery counts in the metrics; null when it is not one (webhooks not configured). */
  outcome: WebhookOutcome | null;
  family: EventFamily;
}

async function answerDelivery(request: Request, requestId: string): Promise<Answer> {
  // Until the delivery is verified its event header is the caller's word; it only picks a fixed label.
  let family = eventFamily(request.headers.get("x-buildkite-event"));
  const refuse = (error: unknown, outcome: WebhookOutcome | null): Answer => {
    const mapped = toEnvelopeError(error, requestId);
    return { status: mapped.status, envelope: failureEnvelope(COMMAND, mapped.error), outcome, family };
  };
  const current = await runtime();
  const secret = current.webhookToken;
  if (secret === null)
    return refuse(new ConsoleError("not_found", "Webhooks are not configured.", "webhooks_not_configured"), null);
  let rawBody: Buffer;
  try {
    rawBody = await readDeliveryBody(request);
  } catch (error) {
    return refuse(error, "invalid");
  }
  const verification = verifyDelivery({
    credentials: {
      signature: request.headers.get("x-buildkite-signature"),
      token: request.headers.get("x-buildkite-token"),
    },
    rawBody,
    secret,
    nowMs: Date.now(),
  });
  if (!verification.ok) {
    const { reason } = verification;
    return refuse(new ConsoleError("auth_error", refusals[reason], `webhook_${reason}`), "unauthorized");
  }
  let delivery: Delivery;
  try {
    delivery = parseDelivery(parseDeliveryJson(request.headers.get("content-type"), rawBody));
  } catch (error) {
    return refuse(error, "invalid");
  }
  family = eventFamily(delivery.event);
  if (!(await claimDelivery(current.shared, delivery.event, rawBody))) {
    const data = { event: delivery.event, duplicate: true };
    return { status: 202, envelope: accepted(data, delivery.event), outcome: "duplicate", family };
  }
  const data = dispatchDelivery(current, delivery, { receivedAt: new Date() });
  return { status: 202, envelope: accepted(data, delivery.event), outcome: "accepted", family };
}

async function receive(request: Request, requestId: string): Promise<Response> {
  const started = performance.now();
  const logger = log().child({ command: COMMAND });
  let answered: Answer;
  try {
    answered = await answerDelivery(request, requestId);
  } catch (error) {
    logger.error({ err: error }, "webhook failed");
    const mapped = toEnvelopeError(error, requestId);
    answered = {
      status: mapped.status,
      envelope: failureEnvelope(COMMAND, mapped.error),
      outcome: null,
      family: "unknown",
    };
  }
  const { status, envelope, outcome, family } = answered;
  if (outcome !== null) consoleMetrics().webhooks.delivery(family, outcome);
  // Never the headers: they carry the token or the signature.
  logger.info({ event: family, outcome, status, ms: Math.round(performance.now() - started) }, "webhook received");
  return answer(status, envelope, requestId);
}

function handler(request: Request): Promise<Response> {
  const requestId = randomUUID();
  return withRequestId(requestId, () => receive(request, requestId));
}

/**
 * The route handler. It says how it is authenticated so the generated auth tests, which hold every other
 * route to an operator session, can tell it apart without a list of exceptions to forget.
 */
export const receiveBuildkiteWebhook = Object.assign(handler, {
  command: COMMAND,
  authentication: "webhook-token" as const,
});
