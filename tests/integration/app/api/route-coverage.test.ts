import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadCommandRoutes, type RouteFile } from "../../../support/route-server";
import { startConsole, type TestConsole } from "../../../support/console";

// Generated from app/api: a route added later is covered without anyone listing it here.
const routes: RouteFile[] = (await loadCommandRoutes()).filter((route) => !route.pattern.includes("[..."));
let c: TestConsole;

beforeAll(async () => {
  c = await startConsole();
});
afterAll(() => c.close());

const cases = routes.flatMap((route) => route.methods.map((method) => ({ method, pattern: route.pattern })));

describe("every API route answers in the envelope, never with a 500", () => {
  test("the route list is not empty", () => expect(cases.length).toBeGreaterThanOrEqual(10));

  test.each(cases)("$method $pattern with junk input", async ({ method, pattern }) => {
    const path = pattern.replace("[key]", "stack-console").replace("[id]", "not-a-uuid");
    const response = await c.api(path, method === "GET" ? {} : { method, body: { junk: true } });
    expect(response.status).toBeLessThan(500);
    expect(response.body).toMatchObject({ apiVersion: "v1", command: expect.stringMatching(/^[a-z]+(\.[a-z]+)+$/) });
    // Only a tagged answer (a polled read) may be kept, and then only if revalidated each time.
    const tagged = response.body.ok && response.headers.get("etag") !== null;
    expect(response.headers.get("cache-control")).toBe(tagged ? "private, no-cache" : "no-store");
    if (!response.body.ok) expect(response.body.error?.requestId).toBe(response.headers.get("x-request-id"));
  });

  test("an unknown path is a not_found envelope", async () => {
    const { status, body } = await c.api("/api/v1/stacks/stack-console/nothing-here");
    expect(status).toBe(404);
    expect(body).toMatchObject({ ok: false, command: "unknown", error: { type: "not_found", code: "unknown_route" } });
  });
});
