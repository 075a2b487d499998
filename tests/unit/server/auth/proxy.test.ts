import { describe, expect, test } from "vitest";
import { parseConfig } from "@/server/config";
import { proxyOperator, secretMatches } from "@/server/auth/proxy";

const cfg = parseConfig({
  BUILDKITE_CLUSTER_TOKEN: "bkct_x",
  AUTH_MODE: "proxy",
  AUTH_PROXY_SECRET: "the-proxy-shared-secret",
  AUTH_OPERATOR_GROUPS: "oncall",
  AUTH_ADMIN_EMAILS: "ada@example.com",
});
const auth = cfg.auth.mode === "proxy" ? cfg.auth : (undefined as never);

describe("proxy sign-in", () => {
  test("the proxy's headers name the operator only with the shared secret", () => {
    const vouched = {
      "x-forwarded-email": "bob@example.com",
      "x-forwarded-user": "Bob",
      "x-forwarded-groups": "staff, oncall",
    };
    expect(proxyOperator(new Headers({ ...vouched, "x-auth-proxy-secret": "the-proxy-shared-secret" }), auth)).toEqual({
      id: "bob@example.com",
      name: "Bob",
      email: "bob@example.com",
      role: "operator",
    });
    expect(proxyOperator(new Headers(vouched), auth)).toBeNull();
    expect(
      proxyOperator(new Headers({ ...vouched, "x-auth-proxy-secret": "the-proxy-shared-secreT" }), auth),
    ).toBeNull();
    expect(proxyOperator(new Headers({ ...vouched, "x-auth-proxy-secret": "" }), auth)).toBeNull();
  });

  test("the secret alone names nobody", () => {
    expect(proxyOperator(new Headers({ "x-auth-proxy-secret": "the-proxy-shared-secret" }), auth)).toBeNull();
  });

  test("roles come from the configured lists", () => {
    const headers = new Headers({
      "x-auth-proxy-secret": "the-proxy-shared-secret",
      "x-forwarded-email": "Ada@example.com",
    });
    expect(proxyOperator(headers, auth)).toMatchObject({ name: "Ada@example.com", role: "admin" });
  });

  test("secrets of any length compare without throwing", () => {
    expect(secretMatches("a", "a much longer secret")).toBe(false);
    expect(secretMatches(null, "x")).toBe(false);
    expect(secretMatches("same", "same")).toBe(true);
  });
});
