import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

// Whether a delivery comes from Buildkite. Buildkite sends the webhook's token either in clear
// (X-Buildkite-Token) or as the key of an HMAC over the timestamp and the raw body (X-Buildkite-Signature).
// When a signature is present it alone counts: a request carrying both could pair a leaked token with a
// body of its own choosing, which is what the signature exists to rule out.

/** How far a signature's timestamp may be from now: a captured delivery cannot be replayed after this. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60 * 1000;

export type RefusalReason = "missing" | "malformed" | "invalid" | "stale";

export type Verification = { ok: true; mode: "signature" | "token" } | { ok: false; reason: RefusalReason };

export interface DeliveryCredentials {
  /** The X-Buildkite-Signature header, if sent. */
  signature: string | null;
  /** The X-Buildkite-Token header, if sent. */
  token: string | null;
}

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** `timestamp=<unix s>,signature=<hex>`, split on `,` and then on each part's first `=`, as Buildkite says. */
export function parseSignatureHeader(header: string): { timestamp: number; signature: Buffer } | null {
  const fields = new Map<string, string>();
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 0) return null;
    fields.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  const timestamp = fields.get("timestamp");
  const signature = fields.get("signature");
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return null;
  // SHA-256 in hex: anything else cannot be a signature, and Buffer.from would silently drop bad digits.
  if (signature === undefined || !/^[0-9a-f]{64}$/i.test(signature)) return null;
  return { timestamp: Number(timestamp), signature: Buffer.from(signature, "hex") };
}

/** hex(HMAC-SHA256(key = token, message = `${timestamp}.${rawBody}`)), Buildkite's signature. */
export function signDelivery(token: string, timestamp: number, rawBody: Buffer | string): string {
  return createHmac("sha256", token).update(`${timestamp}.`).update(rawBody).digest("hex");
}

export function verifyDelivery({
  credentials,
  rawBody,
  secret,
  nowMs,
}: {
  credentials: DeliveryCredentials;
  rawBody: Buffer;
  secret: string;
  nowMs: number;
}): Verification {
  if (credentials.signature !== null) {
    const parsed = parseSignatureHeader(credentials.signature);
    if (parsed === null) return { ok: false, reason: "malformed" };
    const expected = Buffer.from(signDelivery(secret, parsed.timestamp, rawBody), "hex");
    // Both are 32 bytes (the header's length was checked above), as timingSafeEqual requires.
    if (!timingSafeEqual(parsed.signature, expected)) return { ok: false, reason: "invalid" };
    // Checked after the signature: a timestamp is only worth judging once it is known to be Buildkite's.
    if (Math.abs(nowMs - parsed.timestamp * 1000) > SIGNATURE_TOLERANCE_MS) return { ok: false, reason: "stale" };
    return { ok: true, mode: "signature" };
  }
  if (credentials.token !== null) {
    // Digests of equal length, so neither the token's content nor its length leaks through timing.
    if (!timingSafeEqual(digest(credentials.token), digest(secret))) return { ok: false, reason: "invalid" };
    return { ok: true, mode: "token" };
  }
  return { ok: false, reason: "missing" };
}
