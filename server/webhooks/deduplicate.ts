import "server-only";
import { createHash } from "node:crypto";
import type { SharedState } from "../live/shared-state";

// Buildkite retries a delivery it thinks failed, and a captured one can be replayed within the signature's
// five minutes: the same event with the same body is handled once. Ten minutes covers both with room.

export const DUPLICATE_WINDOW_MS = 10 * 60 * 1000;

/** Identifies a delivery by what it says, not by when it came: sha256 of the event name and raw body. */
export function deliveryFingerprint(event: string, rawBody: Buffer): string {
  return createHash("sha256").update(event).update("\n").update(rawBody).digest("hex");
}

/** True the first time a delivery is seen by any instance sharing `shared`; false for its repeats. */
export function claimDelivery(
  shared: Pick<SharedState, "claimOnce">,
  event: string,
  rawBody: Buffer,
): Promise<boolean> {
  return shared.claimOnce("webhook-delivery", deliveryFingerprint(event, rawBody), DUPLICATE_WINDOW_MS);
}
