import { describe, expect, test } from "vitest";
import { API_POLICY, newNonce, pagePolicy, requestFacts, securityHeaders, sendsHsts } from "@/server/security-headers";

/** A policy as directive name → its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const page = { pathname: "/builds", nonce: "bm9uY2Utb25l", production: true, host: "127.0.0.1:3000", https: false };

describe("the page policy", () => {
  test("runs scripts only with the request's nonce (and what they load), never inline or eval'd in production", () => {
    const script = directives(pagePolicy("abc123+/==", true)).get("script-src");
    expect(script).toEqual(["'self'", "'nonce-abc123+/=='", "'strict-dynamic'"]);
  });

  test("adds 'unsafe-eval' to scripts only outside production, where React's dev tools need it", () => {
    const development = directives(pagePolicy("abc", false));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    for (const [name, sources] of development)
      if (name !== "script-src") expect(sources, name).not.toContain("'unsafe-eval'");
    expect(pagePolicy("abc", true)).not.toContain("unsafe-eval");
  });

  test("keeps inline styles working: no nonce in style-src, which would switch 'unsafe-inline' off", () => {
    expect(directives(pagePolicy("abc", true)).get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("cannot be framed, embed plugins, move the base URL or post forms elsewhere", () => {
    const policy = directives(pagePolicy("abc", true));
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("worker-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "https:", "data:"]);
  });
});

test("every nonce is fresh, 128 bits, and in the alphabet Next reads nonces from", () => {
  const nonces = Array.from({ length: 50 }, newNonce);
  expect(new Set(nonces).size).toBe(nonces.length);
  for (const nonce of nonces) {
    expect(nonce).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  }
});

describe("securityHeaders", () => {
  test("gives a page its nonce policy and the rest of the set", () => {
    const headers = securityHeaders(page);
    expect(headers["Content-Security-Policy"]).toBe(pagePolicy(page.nonce, true));
    expect(headers).toMatchObject({
      "Referrer-Policy": "same-origin",
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Resource-Policy": "same-origin",
      "X-Robots-Tag": "noindex, nofollow",
    });
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb"]) {
      expect(headers["Permissions-Policy"]).toContain(`${feature}=()`);
    }
  });

  test("gives API responses a policy that loads nothing and sandboxes a file opened as a page", () => {
    for (const pathname of ["/api/v1/builds", "/api/v1/pipelines/web/builds/1/jobs/x/artifacts/y", "/api"]) {
      const headers = securityHeaders({ ...page, pathname });
      expect(headers["Content-Security-Policy"], pathname).toBe(API_POLICY);
      expect(headers["X-Content-Type-Options"]).toBe("nosniff");
      expect(headers["X-Robots-Tag"]).toBe("noindex, nofollow");
    }
    expect(directives(API_POLICY).get("default-src")).toEqual(["'none'"]);
    expect(directives(API_POLICY).has("sandbox")).toBe(true);
    expect(securityHeaders({ ...page, pathname: "/apiary" })["Content-Security-Policy"]).toBe(
      pagePolicy(page.nonce, true),
    );
  });
});

describe("HSTS", () => {
  test("is never sent to plain-http localhost, whatever the port or spelling", () => {
    for (const host of [
      "localhost",
      "localhost:3000",
      "127.0.0.1:3150",
      "[::1]:3000",
      "[::1]",
      "LOCALHOST:80",
      "console.localhost:3000",
    ]) {
      expect(sendsHsts({ host, https: false }), host).toBe(false);
      expect(securityHeaders({ ...page, host })).not.toHaveProperty("Strict-Transport-Security");
    }
  });

  test("is sent over https, and from any other host (a TLS proxy in front talks plain http to the app)", () => {
    expect(sendsHsts({ host: "localhost:3000", https: true })).toBe(true);
    for (const host of [
      "console.acme.example",
      "console.acme.example:8080",
      "10.0.0.5:3000",
      "127.0.0.2:3000",
      "localhost.acme.example",
    ]) {
      expect(sendsHsts({ host, https: false }), host).toBe(true);
    }
    expect(securityHeaders({ ...page, host: "console.acme.example" })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  test("knows a request came over https from the TLS proxy's X-Forwarded-Proto, else from the URL", () => {
    const url = new URL("http://127.0.0.1:3000/builds");
    expect(requestFacts(new Headers({ host: "localhost:3000" }), url)).toEqual({
      host: "localhost:3000",
      https: false,
    });
    expect(requestFacts(new Headers({ host: "localhost:3000", "x-forwarded-proto": "https, http" }), url).https).toBe(
      true,
    );
    expect(
      requestFacts(new Headers({ "x-forwarded-proto": "http" }), new URL("https://console.acme.example/")),
    ).toEqual({ host: "console.acme.example", https: false });
    expect(requestFacts(new Headers(), new URL("https://console.acme.example/"))).toEqual({
      host: "console.acme.example",
      https: true,
    });
  });
});
