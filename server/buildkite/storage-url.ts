import { isIP } from "node:net";
import { isPublicAddress } from "./public-address";

/**
 * Whether the console may fetch an artifact from `url`, where Buildkite's download answer sent it. Storage
 * on Buildkite's own API origin is Buildkite (or the simulator standing in for it). Anything else must be
 * https to a public host that is not the console itself; the name's addresses are checked again when the
 * connection is made (see storage-download.ts), so a name cannot resolve its way around this.
 */
export function storageUrlProblem(url: URL, context: { apiBase: URL; consoleHost: string | null }): string | null {
  if (url.origin === context.apiBase.origin) return null;
  if (url.protocol !== "https:") return `a ${url.protocol} URL`;
  if (url.username || url.password) return "a URL with credentials in it";
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  // Any port of the console's own host: the console must never fetch from itself on Buildkite's word.
  const consoleName =
    context.consoleHost === null
      ? null
      : new URL(`https://${context.consoleHost}`).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (host === consoleName) return "the console itself";
  if (host === "localhost" || host.endsWith(".localhost")) return "this machine";
  if (isIP(host) !== 0 && !isPublicAddress(host)) return "a private or local address";
  return null;
}
