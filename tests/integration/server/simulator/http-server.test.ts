import { spawn } from "node:child_process";
import { once } from "node:events";
import { Agent, request as httpRequest } from "node:http";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator } from "@/server/simulator";
import { startHarness, type Harness } from "./sim-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sim.close());

describe("node:http adapter", () => {
  it("exposes the documented URLs and tokens", () => {
    expect(h.sim.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(h.sim.agentApiUrl).toBe(`${h.sim.origin}/v3`);
    expect(h.sim.restApiUrl).toBe(`${h.sim.origin}/v2`);
    expect(h.sim.clusterToken).toMatch(/^bkct_[A-Za-z0-9]{40}$/);
    expect(h.sim.apiToken).toMatch(/^bkua_[0-9a-f]{40}$/);
    expect(h.sim.apiReadOnlyToken).toMatch(/^bkua_[0-9a-f]{40}$/);
    expect(new Set([h.sim.clusterToken, h.sim.apiToken, h.sim.apiReadOnlyToken]).size).toBe(3);
    expect({ org: h.sim.org, stackKey: h.sim.stackKey, queueKey: h.sim.queueKey }).toEqual({
      org: "acme",
      stackKey: "stack-console",
      queueKey: "_default",
    });
  });

  it("answers HEAD like GET without a body", async () => {
    const response = await h.api("/stacks/stack-console/scheduled-jobs?queue_key=_default", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/application\/json/);
    expect(response.headers.get("ratelimit-scope")).toBe("list-scheduled-jobs");
    expect(await response.text()).toBe("");
  });

  it("serves many requests over one keep-alive connection, and close() ends idle sockets", async () => {
    const sim = await startSimulator();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const get = () =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest(`${sim.agentApiUrl}/stacks/stack-console/jobs/get-states`, {
          agent,
          method: "POST",
          headers: { Authorization: `Token ${sim.clusterToken}`, "Content-Type": "application/json" },
        });
        req.on("socket", (socket) => sockets.add(socket));
        req.on("response", (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", reject);
        req.end(JSON.stringify({ job_uuids: [] }));
      });
    for (let i = 0; i < 5; i++) expect(await get()).toBe(200);
    expect(sockets.size).toBe(1);
    const [socket] = sockets as Set<import("node:net").Socket>;
    const closed = once(socket as import("node:net").Socket, "close");
    await sim.close();
    await closed;
    agent.destroy();
  });
});

describe("behind a name of its own (a container network)", () => {
  it("accepts the tokens it is given instead of the seed's, and hands out URLs under its public origin", async () => {
    const sim = await startSimulator({
      publicOrigin: "http://simulator.test:4010",
      tokens: { cluster: "cluster-token-given", api: "api-token-given" },
    });
    try {
      expect([sim.agentApiUrl, sim.restApiUrl]).toEqual([
        "http://simulator.test:4010/v3",
        "http://simulator.test:4010/v2",
      ]);
      expect([sim.clusterToken, sim.apiToken]).toEqual(["cluster-token-given", "api-token-given"]);
      const list = (token: string) =>
        sim.simulator.handle(
          new Request("http://simulator.test:4010/v3/stacks/stack-console/scheduled-jobs?queue_key=_default", {
            headers: { Authorization: `Token ${token}` },
          }),
        );
      expect((await list("cluster-token-given")).status).toBe(200);
      expect((await list(h.sim.clusterToken)).status).toBe(401);
    } finally {
      await sim.close();
    }
  });
});

describe("cli", () => {
  it("prints one JSON line and serves the API with the printed token until killed", async () => {
    // Its own process group: npx and tsx do not forward SIGTERM to the node process that serves.
    const child = spawn("npx", ["tsx", "server/simulator/cli.ts", "--port", "0", "--seed", "7", "--no-activity"], {
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    try {
      const lines = createInterface({ input: child.stdout });
      const [line] = (await once(lines, "line")) as [string];
      const info = JSON.parse(line) as Record<string, string>;
      expect(Object.keys(info).sort()).toEqual([
        "agentApiUrl",
        "apiToken",
        "clusterToken",
        "org",
        "queueKey",
        "restApiUrl",
        "stackKey",
      ]);
      const response = await fetch(
        `${info.agentApiUrl}/stacks/${info.stackKey}/scheduled-jobs?queue_key=${info.queueKey}&limit=5`,
        {
          headers: { Authorization: `Token ${info.clusterToken}` },
        },
      );
      expect(response.status).toBe(200);
      expect(((await response.json()) as { jobs: unknown[] }).jobs).toHaveLength(5);
      expect(info.clusterToken).not.toBe(h.sim.clusterToken);
    } finally {
      const exited = once(child, "exit");
      if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
      await exited;
    }
  });

  it("exits 2 with one error line on a bad flag", async () => {
    const child = spawn("npx", ["tsx", "server/simulator/cli.ts", "--port", "nope"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(2);
    const ours = stderr.split("\n").filter((text) => text.startsWith("simulator:"));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/--port/);
  });
});
