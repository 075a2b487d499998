import { createHmac } from "node:crypto";

export type WebhookMode = "token" | "signature";

/** `timestamp=<unix seconds>,signature=<hex HMAC-SHA256(token, "<timestamp>.<body>")>`, as Buildkite signs. */
export function signatureHeader(token: string, timestampSeconds: number, body: string): string {
  const signature = createHmac("sha256", token).update(`${timestampSeconds}.${body}`).digest("hex");
  return `timestamp=${timestampSeconds},signature=${signature}`;
}

/**
 * The headers of one delivery attempt. The timestamp is the wall clock's, not the simulated clock's:
 * receivers check it against their own clock to refuse replays.
 */
export function deliveryHeaders(
  receiver: { token: string; mode: WebhookMode },
  event: string,
  body: string,
  nowMs: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "Buildkite-Request",
    "x-buildkite-event": event,
  };
  if (receiver.mode === "token") headers["x-buildkite-token"] = receiver.token;
  else headers["x-buildkite-signature"] = signatureHeader(receiver.token, Math.floor(nowMs / 1000), body);
  return headers;
}
