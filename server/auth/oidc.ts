import "server-only";
import { sealData, unsealData } from "iron-session";
import * as client from "openid-client";
import type { AuthConfig } from "./config";
import { browserHost, browserOrigin } from "../route-kit/browser-origin";
import { roleFor } from "./roles";
import { cookieHeader, readCookie, sealSession, secureCookies, SESSION_COOKIE, type SessionData } from "./session";

// OpenID Connect authorization-code flow with PKCE, state and nonce. What the browser must bring back to
// the callback (verifier, state, nonce, where to return) waits in a short-lived sealed cookie.

type OidcAuth = Extract<AuthConfig, { mode: "oidc" }>;

export const SIGN_IN_COOKIE = "console_sign_in";
const SIGN_IN_TTL_SECONDS = 10 * 60;

interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

const loopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/** The provider's metadata, discovered once. Plain http is allowed only for an issuer on this machine. */
function providerConfig(auth: OidcAuth): Promise<client.Configuration> {
  const key = `${auth.issuer} ${auth.clientId}`;
  if (discovered?.key !== key) {
    const issuer = new URL(auth.issuer);
    const clientAuth = auth.clientSecret ? client.ClientSecretPost(auth.clientSecret) : client.None();
    const config = client
      .discovery(
        issuer,
        auth.clientId,
        undefined,
        clientAuth,
        issuer.protocol === "http:" && loopback(issuer) ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    discovered = { key, config };
  }
  return discovered.config;
}

const redirectUri = (auth: OidcAuth, request: Request, trustProxy: boolean) =>
  auth.redirectUrl ?? `${browserOrigin(request, trustProxy)}/auth/callback`;
const secureFor = (request: Request, trustProxy: boolean) =>
  secureCookies(browserHost(request.headers, trustProxy) ?? new URL(request.url).host);

/**
 * Where to go after sign-in: a path on this console, parsed against the console's own origin and kept only
 * if it stays there, as path, query and fragment. Control characters and backslashes are refused before
 * parsing, since URL parsers and browsers drop or reinterpret them (`/\t/evil` reads as `//evil`).
 */
export function safeReturnTo(value: string | null, origin: string): string {
  if (!value || value.length > 2000 || /[\u0000-\u001f\u007f\\]/.test(value)) return "/";
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return "/";
  }
  const path = `${target.pathname}${target.search}${target.hash}`;
  if (
    target.origin !== new URL(origin).origin ||
    !path.startsWith("/") ||
    path.startsWith("//") ||
    path.startsWith("/auth/")
  )
    return "/";
  return path;
}

function redirect(location: string, cookies: string[]): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(null, { status: 302, headers });
}

export async function startSignIn(request: Request, auth: OidcAuth, trustProxy: boolean): Promise<Response> {
  const config = await providerConfig(auth);
  const pending: PendingSignIn = {
    verifier: client.randomPKCECodeVerifier(),
    state: client.randomState(),
    nonce: client.randomNonce(),
    returnTo: safeReturnTo(new URL(request.url).searchParams.get("returnTo"), browserOrigin(request, trustProxy)),
  };
  const target = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(auth, request, trustProxy),
    scope: auth.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  const sealed = await sealData(pending, { password: auth.session.secret, ttl: SIGN_IN_TTL_SECONDS });
  const cookie = cookieHeader(SIGN_IN_COOKIE, sealed, {
    maxAgeSeconds: SIGN_IN_TTL_SECONDS,
    secure: secureFor(request, trustProxy),
    path: "/auth",
  });
  return redirect(target.href, [cookie]);
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);

function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (Array.isArray(value)) return value.filter((group): group is string => typeof group === "string");
  if (typeof value === "string") return value.split(/[,\s]+/).filter(Boolean);
  return [];
}

export class SignInFailed extends Error {}

/** Finishes sign-in: checks state, nonce and PKCE, reads who signed in, and starts their session. */
export async function finishSignIn(request: Request, auth: OidcAuth, trustProxy: boolean): Promise<Response> {
  const sealed = readCookie(request.headers, SIGN_IN_COOKIE);
  if (!sealed)
    throw new SignInFailed("The sign-in took too long or was started in another browser. Please sign in again.");
  let pending: Partial<PendingSignIn>;
  try {
    pending = await unsealData<Partial<PendingSignIn>>(sealed, {
      password: auth.session.secret,
      ttl: SIGN_IN_TTL_SECONDS,
    });
  } catch {
    throw new SignInFailed("The sign-in could not be verified. Please sign in again.");
  }
  if (!pending.verifier || !pending.state || !pending.nonce)
    throw new SignInFailed("The sign-in took too long. Please sign in again.");
  const config = await providerConfig(auth);
  // The code grant must name the same redirect URI as the authorization request did.
  const current = new URL(redirectUri(auth, request, trustProxy));
  current.search = new URL(request.url).search;
  let claims: Record<string, unknown>;
  try {
    const tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    const idClaims: Record<string, unknown> = { ...tokens.claims() };
    claims = { ...idClaims };
    if (!text(claims.email) || !text(claims.name) || claims[auth.groupsClaim] === undefined) {
      const sub = text(idClaims.sub) ?? client.skipSubjectCheck;
      const info = await client.fetchUserInfo(config, tokens.access_token, sub);
      // What the signed ID token says wins over the userinfo answer.
      claims = { ...info, ...idClaims };
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown error";
    throw new SignInFailed(`The identity provider's answer could not be verified (${reason}). Please sign in again.`);
  }
  const sub = text(claims.sub);
  if (!sub) throw new SignInFailed("The identity provider did not say who signed in.");
  // An address the provider says it has not verified earns nothing an email list grants.
  const email = claims.email_verified === false ? null : text(claims.email);
  const name = (text(claims.name) ?? text(claims.preferred_username) ?? email ?? sub).slice(0, 200);
  const now = Date.now();
  const session: SessionData = {
    sub,
    name,
    email,
    role: roleFor({ email, groups: groupsOf(claims, auth.groupsClaim) }, auth.roles),
    issuedAt: now,
    seenAt: now,
  };
  const secure = secureFor(request, trustProxy);
  return redirect(safeReturnTo(pending.returnTo ?? "/", browserOrigin(request, trustProxy)), [
    cookieHeader(SESSION_COOKIE, await sealSession(session, auth.session), {
      maxAgeSeconds: Math.floor(auth.session.maxMs / 1000),
      secure,
    }),
    cookieHeader(SIGN_IN_COOKIE, "", { maxAgeSeconds: 0, secure, path: "/auth" }),
  ]);
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A plain page for the sign-in flow's own answers (signed out, sign-in failed). It is not a console page:
 * those would send a signed-out visitor straight back to the identity provider.
 */
export function authPage(status: number, title: string, message: string, cookies: string[] = []): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} · Stack Console</title></head><body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5"><h1 style="font-size: 1.25rem">${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/auth/sign-in">Sign in</a></p></body></html>`;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return new Response(html, { status, headers });
}

/** Ends the session. */
export function signOut(request: Request, trustProxy: boolean): Response {
  const cookie = cookieHeader(SESSION_COOKIE, "", { maxAgeSeconds: 0, secure: secureFor(request, trustProxy) });
  return authPage(200, "You are signed out", "Your session on this console has ended.", [cookie]);
}
