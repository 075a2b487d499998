import { request as httpRequest } from "node:http";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { post, startHarness, type Harness } from "./sim-harness";

let h: Harness;
beforeEach(async () => {
  h ??= await startHarness({ stackLimit: 3 });
  await h.control("reset");
});
afterAll(() => h.sim.close());

const registration = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  type: "custom",
  queue_key: "_default",
  metadata: { version: "1.2.3" },
  ...extra,
});

describe("register", () => {
  it("creates with 201, then updates the same key with 200", async () => {
    const created = await h.api("/stacks/register", post(registration("ops-console")));
    expect(created.status).toBe(201);
    const body = (await created.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      key: "ops-console",
      type: "custom",
      cluster_queue_key: "_default",
      metadata: { version: "1.2.3" },
      state: "connected",
    });
    expect(typeof body.id).toBe("string");
    expect(typeof body.organization_uuid).toBe("string");
    expect(typeof body.last_connected_on).toBe("string");

    const updated = await h.api(
      "/stacks/register",
      post(registration("ops-console", { type: "kubernetes", metadata: { v: "2" } })),
    );
    expect(updated.status).toBe(200);
    expect(await updated.json()).toMatchObject({ id: body.id, type: "kubernetes", metadata: { v: "2" } });
  });

  it.each([
    ["a key with a dot", registration("bad.key")],
    ["a key over 80 bytes", registration("k".repeat(81))],
    ["an unknown type", registration("ok", { type: "lambda" })],
    ["a missing queue_key", { key: "ok", type: "custom", metadata: {} }],
    ["nested metadata", registration("ok", { metadata: { nested: { a: "b" } } })],
    ["a metadata key over 64 chars", registration("ok", { metadata: { ["m".repeat(65)]: "x" } })],
    ["a metadata value over 256 chars", registration("ok", { metadata: { m: "x".repeat(257) } })],
    [
      "more than 100 metadata keys",
      registration("ok", { metadata: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, "v"])) }),
    ],
  ])("rejects %s with 422 and a message", async (_name, body) => {
    const response = await h.api("/stacks/register", post(body));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { message: string }).message).not.toBe("");
  });

  it("accepts the 80-byte key, 100 metadata keys and omitted metadata", async () => {
    expect((await h.api("/stacks/register", post(registration("k".repeat(80))))).status).toBe(201);
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, "v"]));
    expect((await h.api("/stacks/register", post(registration("many", { metadata: hundred })))).status).toBe(201);
  });

  it("refuses a new stack past the org limit with 403 but still updates existing ones", async () => {
    expect((await h.api("/stacks/register", post(registration("two")))).status).toBe(201);
    expect((await h.api("/stacks/register", post(registration("three")))).status).toBe(201);
    const refused = await h.api("/stacks/register", post(registration("four")));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toMatch(/limit/);
    expect((await h.api("/stacks/register", post(registration("two")))).status).toBe(200);
  });

  it("answers invalid JSON with 400", async () => {
    const response = await h.api("/stacks/register", { method: "POST", body: "{nope" });
    expect(response.status).toBe(400);
  });
});

describe("deregister", () => {
  it("returns 204, then the stack is unknown everywhere", async () => {
    await h.api("/stacks/register", post(registration("temp")));
    const response = await h.api("/stacks/temp/deregister", { method: "POST" });
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    expect((await h.api("/stacks/temp/deregister", { method: "POST" })).status).toBe(404);
    expect((await h.api("/stacks/temp/scheduled-jobs?queue_key=_default")).status).toBe(404);
  });

  it("accepts a chunked, empty body", async () => {
    await h.api("/stacks/register", post(registration("chunky")));
    const url = new URL(`${h.sim.agentApiUrl}/stacks/chunky/deregister`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: "POST", headers: { Authorization: `Token ${h.sim.clusterToken}`, "Transfer-Encoding": "chunked" } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(204);
  });
});

describe("auth, routing and path params", () => {
  it.each([
    ["no header", {}],
    ["a wrong token", { Authorization: "Token bkct_wrong" }],
    ["the right token with the Bearer scheme", null],
  ])("answers %s with 401 and a message", async (_name, headers) => {
    const sent = headers ?? { Authorization: `Bearer ${h.sim.clusterToken}` };
    const response = await fetch(`${h.sim.agentApiUrl}/stacks/${h.sim.stackKey}/scheduled-jobs?queue_key=_default`, {
      headers: sent,
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toMatch(/token/i);
  });

  it("rejects REST tokens on the agent API", async () => {
    const response = await fetch(`${h.sim.agentApiUrl}/stacks/${h.sim.stackKey}/scheduled-jobs?queue_key=_default`, {
      headers: { Authorization: `Token ${h.sim.apiToken}` },
    });
    expect(response.status).toBe(401);
  });

  it("answers unknown routes with 404 Not Found and wrong methods with 405", async () => {
    const unknown = await h.api("/stacks/x/nothing-here");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "Not Found" });
    const wrong = await h.api(`/stacks/${h.sim.stackKey}/scheduled-jobs?queue_key=_default`, { method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("GET");
  });

  it("rejects a raw dot in a path param with 400 but decodes %2E", async () => {
    const raw = await h.api("/stacks/my.stack/scheduled-jobs?queue_key=_default");
    expect(raw.status).toBe(400);
    const encoded = await h.api("/stacks/my%2Estack/scheduled-jobs?queue_key=_default");
    expect(encoded.status).toBe(404);
    expect(((await encoded.json()) as { message: string }).message).toMatch(/stack/i);
  });

  it("percent-decodes path params", async () => {
    const response = await h.api(
      `/stacks/${encodeURIComponent("stack-console")}/scheduled-jobs?queue_key=_default&limit=1`,
    );
    expect(response.status).toBe(200);
    const spaced = await h.api("/stacks/stack%2Dconsole/scheduled-jobs?queue_key=_default&limit=1");
    expect(spaced.status).toBe(200);
  });
});
