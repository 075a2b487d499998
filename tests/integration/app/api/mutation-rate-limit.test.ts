import { afterAll, beforeAll, expect, test } from "vitest";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";

// Each operator's changes are limited per minute; invalid input is still answered as such, and a change
// over the limit reaches neither Buildkite nor the audit log.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { MUTATIONS_PER_MINUTE: "3" } });
});
afterAll(() => c.close());

test("the fourth change in a minute is refused with when to try again; another operator is not affected", async () => {
  // Reads are not limited.
  for (let i = 0; i < 5; i++) expect((await c.api(`/api/v1/stacks/${c.sim.stackKey}/queue`)).status).toBe(200);
  const notify = (as: "admin" | "operator") =>
    c.api(`/api/v1/stacks/${c.sim.stackKey}/notifications`, {
      as,
      body: { notifications: [{ jobId: "00000000-0000-4000-8000-000000000000", detail: "looking" }] },
    });
  for (let i = 0; i < 3; i++) expect((await notify("admin")).body.error?.type).not.toBe("rate_limited");
  const before = await c.upstreamCalls("POST /v3/stacks/:key/notifications");
  const limited = await notify("admin");
  expect(limited.status).toBe(429);
  expect(limited.body.error).toMatchObject({
    type: "rate_limited",
    code: "mutation_rate_limited",
    retryable: true,
    details: { source: "console" },
  });
  expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(await c.upstreamCalls("POST /v3/stacks/:key/notifications")).toBe(before);
  const audit = await c.api(`/api/v1/audit?action=jobs.notify`);
  expect(audit.body.summary.total).toBe(3);
  expect((await notify("operator")).status).not.toBe(429);
  // Invalid input is still a validation error, not a spent change.
  expect(
    (await c.api(`/api/v1/stacks/${c.sim.stackKey}/notifications`, { body: { notifications: [] } })).body.error?.type,
  ).toBe("validation_error");
});

test("the same operator in other letters is the same operator: same limit, same audit trail", async () => {
  // The admin spent their three changes above.
  const shouting = { ...identityHeaders("admin"), "x-forwarded-email": "  ADMIN@Example.TEST " };
  const limited = await c.api(`/api/v1/stacks/${c.sim.stackKey}/notifications`, {
    as: "signed-out",
    headers: shouting,
    body: { notifications: [{ jobId: "00000000-0000-4000-8000-000000000000", detail: "looking" }] },
  });
  expect(limited.status).toBe(429);
  const audit = await c.api(`/api/v1/audit?action=jobs.notify`);
  expect(new Set((audit.body.data as { operatorId: string }[]).map((row) => row.operatorId))).toEqual(
    new Set(["admin@example.test", "operator@example.test"]),
  );
});
