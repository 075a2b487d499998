import "server-only";

// Where the browser thinks the console is. Behind a reverse proxy the Host header names the proxy's
// upstream and the browser's host arrives in X-Forwarded-Host; without one, those headers are whatever a
// caller chose to send, so they count only when TRUST_PROXY says a proxy sets them.

/** The host (with port) the browser addressed, or null when the request does not say. */
export function browserHost(headers: Headers, trustProxy: boolean): string | null {
  const forwarded = trustProxy ? firstValue(headers.get("x-forwarded-host")) : null;
  return forwarded ?? headers.get("host");
}

/** The console's origin as the browser sees it, e.g. https://console.acme.example. */
export function browserOrigin(request: Request, trustProxy: boolean): string {
  const url = new URL(request.url);
  const forwardedProto = trustProxy ? firstValue(request.headers.get("x-forwarded-proto")) : null;
  const proto = forwardedProto ?? url.protocol.replace(/:$/, "");
  return `${proto}://${browserHost(request.headers, trustProxy) ?? url.host}`;
}

/** A chain of proxies appends: the first entry is what the browser sent. */
function firstValue(header: string | null): string | null {
  const first = header?.split(",")[0]?.trim();
  return first ? first : null;
}
