import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { identityEmails, identityHeaders, PROXY_SECRET } from "../../../support/console";
import {
  startConsoleProcess as startConsoleProcessWith,
  type ConsoleProcess,
} from "../../../support/console-processes";
import { simulatorEnv } from "../../../support/simulator-env";

// The audit log's promise: an intent is on disk before the upstream call, so a console killed while a finish
// is in flight leaves a row saying "outcome unknown", never nothing. The console runs as a real process on
// an embedded PGlite directory; it is killed with SIGKILL (no handler can run) and started again.

let sim: RunningSimulator;
let dataDir: string;
const children: ConsoleProcess[] = [];

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, activity: false, rateLimits: false });
  dataDir = await mkdtemp(join(tmpdir(), "stack-console-crash-"));
});
afterAll(async () => {
  await Promise.all(children.map((child) => child.kill()));
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function startConsoleProcess(): Promise<ConsoleProcess> {
  const started = await startConsoleProcessWith({
    ...simulatorEnv(sim),
    BUILDKITE_RETRY_ATTEMPTS: "1",
    DATA_DIR: dataDir,
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: PROXY_SECRET,
    AUTH_ADMIN_EMAILS: identityEmails.admin,
  });
  children.push(started);
  return started;
}

async function finishCalls(): Promise<number> {
  const stats = (await (await fetch(`${sim.origin}/__sim/stats`)).json()) as { requests: Record<string, number> };
  return stats.requests["POST /v3/stacks/:key/jobs/:uuid/finish"] ?? 0;
}

test(
  "a console killed while a finish is in flight shows the intent with outcome unknown after a restart, and keeps its reservations",
  { timeout: 120_000 },
  async () => {
    const jobs = (await (
      await fetch(`${sim.origin}/__sim/jobs`, { method: "POST", body: JSON.stringify({ count: 2 }) })
    ).json()) as { ids: string[] };
    const [jobId = "", reservedId = ""] = jobs.ids;
    await fetch(`${sim.origin}/__sim/faults`, {
      method: "POST",
      body: JSON.stringify({ method: "POST", path: "/v3/stacks/*/jobs/*/finish", delayMs: 30_000, count: 1 }),
    });

    const first = await startConsoleProcess();
    const reserve = await fetch(`${first.origin}/api/v1/stacks/${sim.stackKey}/reservations`, {
      method: "POST",
      headers: { "content-type": "application/json", ...identityHeaders("admin") },
      body: JSON.stringify({ jobIds: [reservedId], expirySeconds: 900 }),
    });
    expect(reserve.status).toBe(200);
    const finish = fetch(`${first.origin}/api/v1/stacks/${sim.stackKey}/jobs/${jobId}/finish`, {
      method: "POST",
      headers: { "content-type": "application/json", ...identityHeaders("admin") },
      body: JSON.stringify({ detail: "stuck on a dead node" }),
    }).catch((error: unknown) => error);
    // Buildkite (the simulator) has the call and is holding its answer: the finish is in flight.
    await expect.poll(finishCalls, { timeout: 60_000 }).toBe(1);
    const exited = new Promise((resolve) => first.child.once("exit", (_code, signal) => resolve(signal)));
    first.child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await finish).toBeInstanceOf(Error);

    const second = await startConsoleProcess();
    const response = await fetch(`${second.origin}/api/v1/audit?jobId=${jobId}`, { headers: identityHeaders("admin") });
    const body = (await response.json()) as { ok: boolean; data: Record<string, unknown>[] };
    expect(body.ok).toBe(true);
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      action: "jobs.finish",
      jobIds: [jobId],
      reason: "stuck on a dead node",
      outcome: "unknown",
      finishedAt: null,
    });
    // The console's reservation ledger is durable too.
    const reservations = (await (
      await fetch(`${second.origin}/api/v1/reservations`, { headers: identityHeaders("admin") })
    ).json()) as { data: { jobId: string }[] };
    expect(reservations.data.map((r) => r.jobId)).toEqual([reservedId]);
    second.child.kill("SIGKILL");
  },
);

test(
  "a second console on the same data directory refuses changes and says why, sending nothing to Buildkite",
  { timeout: 120_000 },
  async () => {
    const jobs = (await (
      await fetch(`${sim.origin}/__sim/jobs`, { method: "POST", body: JSON.stringify({ count: 1 }) })
    ).json()) as { ids: string[] };
    const owner = await startConsoleProcess();
    // The owner opens the store on its first request.
    expect((await fetch(`${owner.origin}/api/v1/audit`, { headers: identityHeaders("admin") })).status).toBe(200);
    const intruder = await startConsoleProcess();
    const before = await finishCalls();

    const refused = await fetch(`${intruder.origin}/api/v1/stacks/${sim.stackKey}/jobs/${jobs.ids[0] ?? ""}/finish`, {
      method: "POST",
      headers: { "content-type": "application/json", ...identityHeaders("admin") },
      body: JSON.stringify({ detail: "from the second console" }),
    });
    const body = (await refused.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe("store_in_use");
    expect(body.error.message).toMatch(/own DATA_DIR/);
    expect(await finishCalls()).toBe(before);

    // The owner still works.
    expect((await fetch(`${owner.origin}/api/v1/audit`, { headers: identityHeaders("admin") })).status).toBe(200);
    owner.child.kill("SIGKILL");
    intruder.child.kill("SIGKILL");
  },
);
