import { afterAll, beforeAll, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

// Without METRICS_TOKEN the metrics endpoint does not exist: not for a guessed token, not for an operator.
let c: TestConsole;

beforeAll(async () => {
  c = await startConsole({ env: { METRICS_TOKEN: "" } });
});
afterAll(() => c.close());

test.each([
  ["no token", {}],
  ["a Bearer token", { authorization: "Bearer any-token-0123456789abcdef" }],
  [
    "an admin's identity",
    { "x-auth-proxy-secret": "test-proxy-secret-0123456789", "x-forwarded-email": "admin@example.test" },
  ],
])("with %s: 404, and no challenge that says a token would help", async (_, headers: Record<string, string>) => {
  const response = await fetch(`${c.origin}/api/metrics`, { headers });
  const text = await response.text();
  expect(response.status).toBe(404);
  expect(response.headers.get("www-authenticate")).toBeNull();
  expect(text).not.toContain("stack_console_");
  expect(text).not.toContain("process_");
});
