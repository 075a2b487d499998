import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { captureStdout, exerciseEveryRoute } from "../../../support/secret-scan";

// A console configured with a REST token Buildkite does not know: every REST call is refused with 401, the
// path where a careless error message or log line would quote the token back. The canary must appear
// nowhere — not in a response, a header or the debug log with whole payloads.
const CANARY = "bkua_canary7e57c0n5o1e5ecre7000000000000000000";
let c: TestConsole;
let logged: string[] = [];

beforeAll(async () => {
  logged = captureStdout();
  c = await startConsole({
    env: { BUILDKITE_API_TOKEN: CANARY, LOG_LEVEL: "debug", LOG_HTTP_PAYLOADS: "true", BUILDKITE_RETRY_ATTEMPTS: "1" },
  });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await c.close();
});

test("a configured REST token that Buildkite refuses is never quoted back", { timeout: 60_000 }, async () => {
  const { responses, covered } = await exerciseEveryRoute(c);
  expect(covered.length).toBeGreaterThanOrEqual(20);

  // The refusal did happen, and was reported and logged: the scan looked where a leak would be.
  const builds = responses.find((response) => response.startsWith("GET /api/v1/builds "));
  expect(builds).toMatch(/^GET \/api\/v1\/builds 401/);
  expect(builds).toContain("Buildkite rejected the console's token");
  const logText = logged.join("");
  expect(logText).toContain("401");

  expect(logText.includes(CANARY), "the canary token is in the log").toBe(false);
  expect(responses.filter((response) => response.includes(CANARY)).map((response) => response.split("\n")[0])).toEqual(
    [],
  );
  // Not even a recognisable piece of it, as a truncated or masked echo would leave.
  for (const text of [logText, ...responses]) expect(text).not.toMatch(/canary7e57/);
});
