import { afterAll, beforeAll, describe, expect, test } from "vitest";
import packageJson from "@/package.json";
import { startConsole, type TestConsole } from "../../../support/console";

// Liveness over real HTTP, on a console that requires sign-in (the auth proxy's mode): an orchestrator
// probing it has no session, and Buildkite being down must not make a healthy process look dead.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole();
});
afterAll(() => c.close());

describe("GET /api/health", () => {
  test("answers signed out with the status and version, never cached", async () => {
    const signedOut = await fetch(`${c.origin}/api/v1/auth/status`);
    expect(signedOut.status).toBe(401);

    const response = await fetch(`${c.origin}/api/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok", version: packageJson.version });
  });

  test("calls nothing upstream, so it stays ok while Buildkite fails", async () => {
    await c.control("faults", { path: "/*", status: 503, count: 1000 });
    try {
      const before = await c.upstreamTotal();
      const response = await fetch(`${c.origin}/api/health`);
      expect(response.status).toBe(200);
      expect(await c.upstreamTotal()).toBe(before);
    } finally {
      await c.control("faults", undefined, "DELETE");
    }
  });

  test("reveals nothing about the deployment", async () => {
    const text = await (await fetch(`${c.origin}/api/health`)).text();
    for (const secret of [c.sim.clusterToken, c.sim.apiToken, c.sim.origin, c.sim.org])
      expect(text).not.toContain(secret);
  });
});
