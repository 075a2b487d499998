import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

// Addresses no artifact storage of Buildkite's lives at: this machine, its link-local and private
// networks, and the ranges that are not reachable hosts at all. A storage URL (or a name resolving) into
// them would turn the console into a way to read what only it can reach.

const nonPublic = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  nonPublic.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  nonPublic.addSubnet(network, prefix, "ipv6");
}

/** Whether `address` (an IP literal) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "");
  const family = isIP(bare);
  if (family === 0) return false;
  // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare)?.[1];
  if (mapped) return isPublicAddress(mapped);
  return !nonPublic.check(bare, family === 4 ? "ipv4" : "ipv6");
}

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * Resolves a storage host and refuses it unless every address it has is public: checked where the
 * connection is made, so a name that resolves into a private network (or is rebound to one) is refused too.
 */
export function lookupPublicOnly(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "", 0);
    const list = addresses as LookupAddress[];
    const first = list[0];
    if (!first || list.some((entry) => !isPublicAddress(entry.address))) {
      const refused = Object.assign(new Error(`${hostname} resolves to an address that is not public`), {
        code: "ENOTPUBLIC",
      });
      return callback(refused, "", 0);
    }
    if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, list);
    callback(null, first.address, first.family);
  });
}
