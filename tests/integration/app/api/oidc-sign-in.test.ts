import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { callbackHandler, signInHandler, signOutHandler } from "@/server/auth/handlers";
import { startConsole, type TestConsole } from "../../../support/console";
import { startIdentityProvider, type IdentityProvider } from "../../../support/identity-provider";

// OpenID Connect sign-in end to end against a real provider (oidc-provider on loopback): the console's
// /auth handlers, the provider's own login and consent forms, and the API answering the session cookie.

const CONSOLE = "http://127.0.0.1:3999";
const consoleHeaders = { host: "127.0.0.1:3999" };
let idp: IdentityProvider;
let c: TestConsole;

beforeAll(async () => {
  idp = await startIdentityProvider({
    redirectUris: [`${CONSOLE}/auth/callback`],
    people: {
      ada: { email: "ada@example.com", name: "Ada Admin", groups: ["staff", "platform"] },
      olu: { email: "olu@example.com", name: "Olu Oncall", groups: ["staff", "oncall"] },
      vic: { email: "vic@example.com", name: "Vic Viewer", groups: ["staff"] },
      eve: { email: "boss@example.com", name: "Eve", groups: [], emailVerified: false },
    },
  });
  c = await startConsole({
    env: {
      AUTH_MODE: "oidc",
      SESSION_SECRET: "a-session-secret-of-at-least-32-characters",
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_REDIRECT_URL: `${CONSOLE}/auth/callback`,
      AUTH_ADMIN_GROUPS: "platform",
      AUTH_OPERATOR_GROUPS: "oncall",
      AUTH_ADMIN_EMAILS: "boss@example.com",
    },
  });
});
afterAll(async () => {
  await c.close();
  await idp.close();
});

const cookieValue = (response: Response, name: string) => {
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
  return cookie === undefined ? undefined : { line: cookie, value: cookie.slice(name.length + 1).split(";")[0] ?? "" };
};

/** A browser at the identity provider: keeps its cookies, follows redirects, and fills in its forms. */
async function atProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const index = pair.indexOf("=");
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    if (response.status >= 300 && response.status < 400) {
      const next = new URL(response.headers.get("location") ?? "", url).href;
      if (next.startsWith(`${CONSOLE}/auth/callback`)) return next;
      url = next;
      init = {};
      continue;
    }
    const html = await response.text();
    const action = /action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!action || !prompt)
      throw new Error(`unexpected page from the provider (${response.status}): ${html.slice(0, 300)}`);
    const form: Record<string, string> = prompt === "login" ? { prompt, login, password: "anything" } : { prompt };
    url = new URL(action.replace(/&amp;/g, "&"), url).href;
    init = {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    };
  }
  throw new Error("too many steps at the provider");
}

async function signIn(login: string, returnTo = "/builds") {
  const start = await signInHandler(
    new Request(`${CONSOLE}/auth/sign-in?returnTo=${encodeURIComponent(returnTo)}`, { headers: consoleHeaders }),
  );
  expect(start.status).toBe(302);
  const pending = cookieValue(start, "console_sign_in");
  const callbackUrl = await atProvider(start.headers.get("location") ?? "", login);
  const callback = await callbackHandler(
    new Request(callbackUrl, { headers: { ...consoleHeaders, cookie: `console_sign_in=${pending?.value}` } }),
  );
  return { start, callback, callbackUrl, pending, session: cookieValue(callback, "console_session") };
}

describe("OpenID Connect sign-in", () => {
  test("redirects to the provider with PKCE, state and nonce, keeping them in a short-lived sealed cookie", async () => {
    const start = await signInHandler(new Request(`${CONSOLE}/auth/sign-in`, { headers: consoleHeaders }));
    const target = new URL(start.headers.get("location") ?? "");
    expect(target.origin).toBe(idp.issuer);
    expect(Object.fromEntries(target.searchParams)).toMatchObject({
      client_id: idp.clientId,
      response_type: "code",
      redirect_uri: `${CONSOLE}/auth/callback`,
      code_challenge_method: "S256",
      scope: "openid email profile",
    });
    expect(target.searchParams.get("state")).toBeTruthy();
    expect(target.searchParams.get("nonce")).toBeTruthy();
    const pending = cookieValue(start, "console_sign_in");
    expect(pending?.line).toMatch(/HttpOnly; SameSite=Lax; Max-Age=600/);
    expect(pending?.value).not.toContain(target.searchParams.get("state") ?? "-");
  });

  test("signs in through the provider's forms, returns to the page asked for, and the API knows the operator", async () => {
    const { callback, session } = await signIn("ada");
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/builds");
    expect(session?.line).toMatch(/^console_session=Fe26\.2\*.*; Path=\/; HttpOnly; SameSite=Lax; Max-Age=86400$/);
    const { status, body } = await c.api("/api/v1/auth/status", {
      as: "signed-out",
      headers: { cookie: `console_session=${session?.value}` },
    });
    expect(status).toBe(200);
    expect(body.data.operator).toEqual({
      name: "Ada Admin",
      role: "admin",
      permissions: ["read", "jobs.write", "stacks.admin"],
    });
  });

  test.each([
    ["olu", "operator"],
    ["vic", "viewer"],
    // Listed as an admin by email, but the provider has not verified that address.
    ["eve", "viewer"],
  ])("%s signs in as %s by the group claim and the email lists", async (login, role) => {
    const { session } = await signIn(login);
    const { body } = await c.api("/api/v1/auth/status", {
      as: "signed-out",
      headers: { cookie: `console_session=${session?.value}` },
    });
    expect(body.data.operator.role).toBe(role);
  });

  test("a viewer's session cannot change anything", async () => {
    const { session } = await signIn("vic");
    const { status, body } = await c.api("/api/v1/stacks/stack-console/reservations", {
      as: "signed-out",
      headers: { cookie: `console_session=${session?.value}` },
      body: { jobIds: ["00000000-0000-4000-8000-000000000001"] },
    });
    expect(status).toBe(403);
    expect(body.error?.type).toBe("permission_error");
  });

  test("without the session cookie, or with a forged one, the API answers 401", async () => {
    expect((await c.api("/api/v1/auth/status", { as: "signed-out" })).status).toBe(401);
    const forged = await c.api("/api/v1/auth/status", {
      as: "signed-out",
      headers: { cookie: "console_session=Fe26.2**forged" },
    });
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatchObject({ type: "auth_error", details: { source: "console" } });
  });

  test("a callback that does not match the sign-in this browser started is refused", async () => {
    const other = await signInHandler(new Request(`${CONSOLE}/auth/sign-in`, { headers: consoleHeaders }));
    const { callbackUrl } = await signIn("ada");
    const swapped = await callbackHandler(
      new Request(callbackUrl, {
        headers: { ...consoleHeaders, cookie: `console_sign_in=${cookieValue(other, "console_sign_in")?.value}` },
      }),
    );
    expect(swapped.status).toBe(400);
    expect(cookieValue(swapped, "console_session")).toBeUndefined();
    const noCookie = await callbackHandler(new Request(callbackUrl, { headers: consoleHeaders }));
    expect(noCookie.status).toBe(400);
  });

  test("the return path never leaves the console", async () => {
    const { callback } = await signIn("ada", "//evil.example/steal");
    expect(callback.headers.get("location")).toBe("/");
  });

  // The requests a penetration test sent: each decodes to a path a browser would read as another site, or
  // to one whose newline breaks the Location header.
  test.each([
    "%2F%09%2Fevil.example",
    "%2F%09%5Cevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%0D%2Fevil.example",
    "%5C%5Cevil.example",
  ])("sign-in with returnTo=%s returns home, never to another site", async (returnTo) => {
    const start = await signInHandler(
      new Request(`${CONSOLE}/auth/sign-in?returnTo=${returnTo}`, { headers: consoleHeaders }),
    );
    expect(start.status).toBe(302);
    const pending = cookieValue(start, "console_sign_in");
    const callbackUrl = await atProvider(start.headers.get("location") ?? "", "ada");
    const callback = await callbackHandler(
      new Request(callbackUrl, { headers: { ...consoleHeaders, cookie: `console_sign_in=${pending?.value}` } }),
    );
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe("/");
  });

  test("a return path on the console keeps its query and fragment", async () => {
    const { callback } = await signIn("ada", "/stacks/stack-console?queue=_default&job=x#L12");
    expect(callback.headers.get("location")).toBe("/stacks/stack-console?queue=_default&job=x#L12");
    const absolute = await signIn("ada", `${CONSOLE}/audit?outcome=failed`);
    expect(absolute.callback.headers.get("location")).toBe("/audit?outcome=failed");
  });

  test("sign-out clears the session, and only from the console's own pages", async () => {
    const out = await signOutHandler(
      new Request(`${CONSOLE}/auth/sign-out`, {
        method: "POST",
        headers: { ...consoleHeaders, origin: CONSOLE, "sec-fetch-site": "same-origin" },
      }),
    );
    expect(out.status).toBe(200);
    expect(cookieValue(out, "console_session")?.line).toMatch(/^console_session=; .*Max-Age=0/);
    const forged = await signOutHandler(
      new Request(`${CONSOLE}/auth/sign-out`, {
        method: "POST",
        headers: { ...consoleHeaders, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      }),
    );
    expect(forged.status).toBe(403);
    expect(cookieValue(forged, "console_session")).toBeUndefined();
  });
});
