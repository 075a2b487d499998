import { NextResponse, type NextRequest } from "next/server";
import { NONCE_HEADER, newNonce, requestFacts, securityHeaders } from "@/server/security-headers";

// Every response gets the security headers; pages also get a fresh CSP nonce. The policy goes on the
// request too, because that is where Next's renderer looks for the nonce to put on its own scripts.
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const headers = securityHeaders({
    pathname: request.nextUrl.pathname,
    nonce,
    production: process.env.NODE_ENV === "production",
    ...requestFacts(request.headers, request.nextUrl),
  });
  const forwarded = new Headers(request.headers);
  forwarded.set(NONCE_HEADER, nonce);
  forwarded.set("content-security-policy", headers["Content-Security-Policy"]);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Next's hashed static files are left alone: the log viewer's worker is one of them, and a page policy on
  // the worker's own response would stop it importing its chunks.
  matcher: ["/((?!_next/static/|_next/image).*)"],
};
