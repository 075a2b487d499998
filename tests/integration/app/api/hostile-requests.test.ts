import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";

// Requests a penetration test sent, exactly as it sent them, and what the console must answer: nothing
// reaches Buildkite, and every answer is a parseable envelope.

let c: TestConsole;
let stack: string;
let scheduled: string;

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=1`);
  scheduled = (body.data as { id: string }[])[0]?.id ?? "";
});
afterAll(() => c.close());

const totalUpstreamCalls = () => c.upstreamTotal();

/** A raw request, so the test chooses every header and byte of the body. */
async function send(path: string, init: { body: string; headers: Record<string, string> }) {
  const response = await fetch(c.origin + path, {
    method: "POST",
    headers: { ...identityHeaders("admin"), ...init.headers },
    body: init.body,
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    body: JSON.parse(text) as {
      ok: boolean;
      error: { type: string; code: string; message: string } | null;
      request: unknown;
    },
  };
}

describe("a body nested thousands deep", () => {
  const nested = `{"x":${"[".repeat(5000)}${"]".repeat(5000)}}`;

  test.each<Record<string, string>>([{}, { accept: "application/x-ndjson" }])(
    "is refused as a validation error, in a whole envelope (%o)",
    async (extra) => {
      const before = await totalUpstreamCalls();
      const bulk = await send(`/api/v1/stacks/${stack}/bulk-finish`, {
        body: nested,
        headers: { "content-type": "application/json", ...extra },
      });
      expect(bulk.status).toBe(400);
      expect(bulk.body.error).toMatchObject({ type: "validation_error", message: "body: nests deeper than 32 levels" });
      expect(bulk.body.request).toEqual({});
      const finish = await send(`/api/v1/stacks/${stack}/jobs/${scheduled}/finish`, {
        body: nested,
        headers: { "content-type": "application/json" },
      });
      expect(finish.status).toBe(400);
      expect(await totalUpstreamCalls()).toBe(before);
    },
  );
});

describe("a change sent as something other than JSON", () => {
  test.each([
    ["text/plain", JSON.stringify({ detail: "done", exitStatus: 0 })],
    ["application/x-www-form-urlencoded", "detail=done&exitStatus=0"],
    ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="detail"\r\n\r\ndone\r\n--x--'],
  ])("is refused with 415 when sent as %s, and changes nothing", async (contentType, body) => {
    const before = await totalUpstreamCalls();
    const answer = await send(`/api/v1/stacks/${stack}/jobs/${scheduled}/finish`, {
      body,
      headers: { "content-type": contentType },
    });
    expect(answer.status).toBe(415);
    expect(answer.body.error).toMatchObject({ type: "validation_error", code: "unsupported_media_type" });
    expect(await totalUpstreamCalls()).toBe(before);
    const audit = await c.api(`/api/v1/audit?jobId=${scheduled}`);
    expect(audit.body.summary.total).toBe(0);
  });
});

describe("build numbers", () => {
  test.each(["0x10", "1e3", "1.0", "%201", "+1", "0"])(
    "refuses %s rather than reading another build",
    async (number) => {
      const before = await totalUpstreamCalls();
      const { status, body } = await c.api(`/api/v1/pipelines/web/builds/${number}`);
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ type: "validation_error", details: { field: "params.buildNumber" } });
      expect(await totalUpstreamCalls()).toBe(before);
    },
  );
});

describe("the same-origin check behind no proxy", () => {
  test("a forged X-Forwarded-Host does not make another site's page the console's own", async () => {
    const before = await totalUpstreamCalls();
    const answer = await send(`/api/v1/stacks/${stack}/jobs/${scheduled}/finish`, {
      body: JSON.stringify({ detail: "forged" }),
      headers: {
        "content-type": "application/json",
        origin: "https://evil.example",
        "x-forwarded-host": "evil.example",
      },
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toMatchObject({ type: "permission_error", code: "cross_site" });
    expect(await totalUpstreamCalls()).toBe(before);
  });
});
