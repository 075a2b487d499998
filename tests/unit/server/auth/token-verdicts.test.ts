import { expect, test } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { createTokenVerdicts, verdictOf } from "@/server/auth/token-verdicts";

const httpError = (status: number) =>
  new BuildkiteError({ kind: "http", retryable: false, message: "no", method: "GET", path: "/", attempts: 1, status });

test("only a 401 rejects a token; success accepts it; anything else says nothing", () => {
  expect(verdictOf({ ok: true })).toBe("accepted");
  expect(verdictOf({ ok: false, error: httpError(401) })).toBe("rejected");
  for (const status of [403, 429, 500, 503]) expect(verdictOf({ ok: false, error: httpError(status) })).toBeNull();
  expect(verdictOf({ ok: false, error: new Error("socket hang up") })).toBeNull();
});

test("an inconclusive check moves the check time but keeps the last verdict", () => {
  let clock = 100;
  const verdicts = createTokenVerdicts(() => clock);
  expect(verdicts.last("cluster")).toBeUndefined();
  verdicts.record("cluster", "accepted");
  clock = 200;
  verdicts.record("cluster", null);
  expect(verdicts.last("cluster")).toEqual({ verdict: "accepted", checkedAt: 200 });
  verdicts.record("rest", null);
  expect(verdicts.last("rest")).toEqual({ verdict: null, checkedAt: 200 });
});
