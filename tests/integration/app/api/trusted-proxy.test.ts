import { afterAll, beforeAll, expect, test } from "vitest";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";

// Behind a reverse proxy (TRUST_PROXY=true) the browser's host arrives in X-Forwarded-Host, and the
// console's own pages there may change things.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole({ env: { TRUST_PROXY: "true" } });
});
afterAll(() => c.close());

const reserve = (headers: Record<string, string>) =>
  fetch(`${c.origin}/api/v1/stacks/${c.sim.stackKey}/reservations`, {
    method: "POST",
    headers: { ...identityHeaders("admin"), "content-type": "application/json", ...headers },
    body: JSON.stringify({ jobIds: ["00000000-0000-4000-8000-000000000000"], expirySeconds: 60 }),
  });

test("a page served through the proxy's host may change things; another site still may not", async () => {
  const viaProxy = await reserve({
    origin: "https://console.acme.example",
    "x-forwarded-host": "console.acme.example",
  });
  expect(viaProxy.status).toBe(200);
  const elsewhere = await reserve({ origin: "https://evil.example", "x-forwarded-host": "console.acme.example" });
  expect(elsewhere.status).toBe(403);
});
