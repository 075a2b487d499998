import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Permission } from "@/lib/roles";
import { loadCommandRoutes } from "../../../support/route-server";
import { identityHeaders, PROXY_SECRET_HEADER, startConsole, type TestConsole } from "../../../support/console";

// Generated from app/api/v1: every command route and method, signed out, as each role and cross-site. A route added
// later is in the matrix without anyone listing it, and one whose handler does not declare its
// permission fails the first test. Routes that Buildkite calls (webhooks) have no operator: they declare
// that they authenticate by the webhook token instead, and are tested in webhooks-buildkite.test.ts.

const allRoutes = await loadCommandRoutes();
const byWebhookToken = (route: (typeof allRoutes)[number]) =>
  route.methods.some(
    (method) => (route.module[method] as { authentication?: string }).authentication === "webhook-token",
  );
const routes = allRoutes.filter((route) => !byWebhookToken(route));
const samples: Record<string, string> = {
  key: "stack-console",
  number: "1",
  id: "00000000-0000-4000-8000-000000000001",
  path: "nothing/here",
};
const pathFor = (pattern: string) =>
  pattern.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => samples[name] ?? "x-1");

interface Case {
  method: string;
  pattern: string;
  path: string;
  permission: Permission | null;
}
const cases: Case[] = routes.flatMap((route) =>
  route.methods.map((method) => {
    const handler = route.module[method] as { permission?: Permission };
    return {
      method,
      pattern: route.pattern,
      path: pathFor(route.pattern),
      permission: route.pattern.includes("[...") ? null : (handler.permission ?? null),
    };
  }),
);
const commands = cases.filter((c) => !c.pattern.includes("[..."));
const reads = commands.filter((c) => c.permission === "read");
const jobWrites = commands.filter((c) => c.permission === "jobs.write");
const adminOnly = commands.filter((c) => c.permission === "stacks.admin");
const mutating = [...jobWrites, ...adminOnly];
// Unknown paths (the catch-all) change nothing, so they answer not_found whatever the origin.
const posts = commands.filter((k) => k.method !== "GET");

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole();
});
afterAll(() => c.close());

const send = (
  k: Case,
  init: {
    as?: Parameters<TestConsole["api"]>[1] extends infer I ? (I extends { as?: infer A } ? A : never) : never;
    headers?: Record<string, string>;
  },
) => c.api(k.path, { method: k.method, body: k.method === "GET" ? undefined : { jobIds: [samples.id] }, ...init });

describe("the route list", () => {
  test("only Buildkite's webhook is authenticated by something other than an operator session", () => {
    expect(allRoutes.filter(byWebhookToken).map((route) => route.pattern)).toEqual(["/api/v1/webhooks/buildkite"]);
  });

  test("every command route declares its permission", () => {
    expect(commands.length).toBeGreaterThanOrEqual(20);
    expect(commands.filter((k) => k.permission === null).map((k) => `${k.method} ${k.pattern}`)).toEqual([]);
  });

  test("the issue's roles: operators reserve, finish, notify, retry, unblock, cancel and rebuild; admins register and deregister stacks", () => {
    const by = (list: Case[]) => list.map((k) => `${k.method} ${k.pattern}`).sort();
    expect(by(jobWrites)).toEqual(
      [
        "POST /api/v1/pipelines/[pipeline]/builds/[buildNumber]/cancel",
        "POST /api/v1/pipelines/[pipeline]/builds/[buildNumber]/rebuild",
        "POST /api/v1/pipelines/[pipeline]/builds/[buildNumber]/jobs/[jobId]/retry",
        "POST /api/v1/pipelines/[pipeline]/builds/[buildNumber]/jobs/[jobId]/unblock",
        "POST /api/v1/stacks/[key]/bulk-finish",
        "POST /api/v1/stacks/[key]/jobs/[jobId]/finish",
        "POST /api/v1/stacks/[key]/notifications",
        "POST /api/v1/stacks/[key]/reservations",
        "POST /api/v1/stacks/[key]/reservations/release",
      ].sort(),
    );
    expect(by(adminOnly)).toEqual(
      [
        "POST /api/v1/stacks",
        "POST /api/v1/stacks/[key]/deregister",
        "POST /api/v1/stacks/[key]/queue/pause",
        "POST /api/v1/stacks/[key]/queue/resume",
      ].sort(),
    );
  });
});

describe("signed out, every route answers 401 in the envelope", () => {
  test.each(cases)("$method $pattern without identity", async (k) => {
    const { status, body } = await send(k, { as: "signed-out" });
    expect(status).toBe(401);
    expect(body).toMatchObject({
      ok: false,
      apiVersion: "v1",
      data: null,
      error: { type: "auth_error", code: "signed_out", details: { source: "console" } },
    });
  });

  test.each(cases)("$method $pattern with the proxy's headers but a wrong secret", async (k) => {
    const before = await c.upstreamTotal();
    const { status, body } = await send(k, {
      as: "admin",
      headers: { [PROXY_SECRET_HEADER]: "guessed-secret-guessed-secret" },
    });
    expect(status).toBe(401);
    expect(body.error?.type).toBe("auth_error");
    expect(await c.upstreamTotal()).toBe(before);
  });

  test.each(cases)("$method $pattern with forged identity headers and no secret", async (k) => {
    const forged = { ...identityHeaders("admin") };
    delete forged[PROXY_SECRET_HEADER];
    const { status } = await send(k, { as: "signed-out", headers: forged });
    expect(status).toBe(401);
  });
});

describe("a viewer reads but changes nothing", () => {
  test.each(reads)("$method $pattern is not refused", async (k) => {
    const { status, body } = await send(k, { as: "viewer" });
    expect([401, 403]).not.toContain(status);
    expect(body.apiVersion).toBe("v1");
  });

  test.each(mutating)("$method $pattern is a permission_error and never reaches Buildkite", async (k) => {
    const before = await c.upstreamTotal();
    const { status, body } = await send(k, { as: "viewer" });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({
      type: "permission_error",
      code: "forbidden",
      details: { source: "console", requiredPermission: k.permission },
    });
    expect(await c.upstreamTotal()).toBe(before);
  });
});

describe("an operator acts on jobs but not on stacks", () => {
  test.each(jobWrites)("$method $pattern is not refused", async (k) => {
    const { status } = await send(k, { as: "operator" });
    expect([401, 403]).not.toContain(status);
  });

  test.each(adminOnly)("$method $pattern is a permission_error", async (k) => {
    const { status, body } = await send(k, { as: "operator" });
    expect(status).toBe(403);
    expect(body.error?.type).toBe("permission_error");
  });
});

describe("cross-site requests cannot change anything, even an admin's", () => {
  test.each(posts)("$method $pattern from a cross-site page", async (k) => {
    const before = await c.upstreamTotal();
    const { status, body } = await send(k, { as: "admin", headers: { "sec-fetch-site": "cross-site" } });
    expect(status).toBe(403);
    expect(body.error).toMatchObject({ type: "permission_error", code: "cross_site" });
    expect(await c.upstreamTotal()).toBe(before);
  });

  test.each(posts)("$method $pattern with a foreign Origin", async (k) => {
    const { status, body } = await send(k, { as: "admin", headers: { origin: "https://evil.example" } });
    expect(status).toBe(403);
    expect(body.error?.code).toBe("cross_site");
  });
});

describe("the operator's identity and permissions", () => {
  test.each([
    ["admin", "Test admin", ["read", "jobs.write", "stacks.admin"]],
    ["operator", "Test operator", ["read", "jobs.write"]],
    ["viewer", "Test viewer", ["read"]],
  ] as const)("auth.status names the %s and what they may do", async (as, name, permissions) => {
    const { body } = await c.api("/api/v1/auth/status", { as });
    expect(body.data.operator).toEqual({ name, role: as, permissions });
  });
});
