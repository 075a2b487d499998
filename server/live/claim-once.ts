import "server-only";

// "Has anyone done this already?" for one instance: a key is claimed by the first caller and refused to
// every other until it expires. Bounded, because the keys come from outside (webhook deliveries): past the
// bound the oldest claims are forgotten first, which at worst lets a very old repeat through once.

export type ClaimOnce = (name: string, key: string, ttlMs: number) => boolean;

export const MAX_LOCAL_CLAIMS = 10_000;

export function localClaims({
  now = Date.now,
  maxEntries = MAX_LOCAL_CLAIMS,
}: { now?: () => number; maxEntries?: number } = {}): ClaimOnce {
  // Insertion order is claim order, so the first entries are the oldest.
  const expiries = new Map<string, number>();
  return (name, key, ttlMs) => {
    const at = now();
    const id = `${name}\u0000${key}`;
    const expiry = expiries.get(id);
    if (expiry !== undefined && expiry > at) return false;
    expiries.delete(id);
    for (const [oldest, until] of expiries) {
      if (until > at && expiries.size < maxEntries) break;
      expiries.delete(oldest);
    }
    expiries.set(id, at + ttlMs);
    return true;
  };
}
