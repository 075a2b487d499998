import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { jobsReserve } from "@/server/commands/jobs-reserve";
import { jobsScheduledList } from "@/server/commands/jobs-scheduled-list";
import { parseConfig } from "@/server/config";
import { defineCommand, executeCommand } from "@/server/route-kit/command";
import { createRuntime, type Runtime } from "@/server/runtime";
import { startSimulator, type RunningSimulator } from "@/server/simulator";
import { openStore, type Store } from "@/server/store/store";
import { simulatorEnv } from "../../../support/simulator-env";

// A command runs on the runtime it is handed: a test builds one from a configuration of its own, with a
// store of its own, and never touches process.env.

const operator = {
  id: "runtime-test@example.test",
  name: "Runtime Test",
  email: "runtime-test@example.test",
  role: "admin" as const,
};

let sim: RunningSimulator;
let runtime: Runtime;
let store: Promise<Store>;
const envBefore = { ...process.env };

beforeAll(async () => {
  sim = await startSimulator({ seed: 7, activity: false, rateLimits: false });
  store = openStore({ dataDir: "memory://" });
  const config = parseConfig({
    ...simulatorEnv(sim),
    AUTH_MODE: "proxy",
    AUTH_PROXY_SECRET: "runtime-test-proxy-secret",
    LOG_LEVEL: "silent",
  });
  runtime = await createRuntime(config, () => store);
});
afterAll(() => sim.close());

const run = <S extends Parameters<typeof executeCommand>[0]>(
  spec: S,
  input: { params?: object; query?: object; body?: unknown },
) =>
  executeCommand(
    spec,
    { params: { ...input.params }, query: { ...input.query }, body: input.body, raw: false },
    { runtime, operator, requestId: "req-runtime", signal: AbortSignal.timeout(10_000) },
  );

describe("a command on the runtime it is handed", () => {
  it("reads the simulator the runtime points at", async () => {
    const executed = await run(jobsScheduledList, {
      params: { key: sim.stackKey },
      query: { queue: sim.queueKey, all: "1" },
    });
    expect(executed.envelope.ok).toBe(true);
    expect(executed.envelope.data).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: expect.any(String) })]),
    );
  });

  it("records its change in the runtime's own store", async () => {
    const listed = await run(jobsScheduledList, {
      params: { key: sim.stackKey },
      query: { queue: sim.queueKey, all: "1" },
    });
    const [job] = listed.envelope.data as { id: string }[];
    const executed = await run(jobsReserve, {
      params: { key: sim.stackKey },
      body: { jobIds: [job?.id], expirySeconds: 60 },
    });
    expect(executed.envelope.ok).toBe(true);
    const { entries } = await (await store).audit.list({ operator: operator.id }, { limit: 10, offset: 0 });
    expect(entries.map((entry) => entry.action)).toEqual(["jobs.reserve"]);
  });

  it("leaves the process environment as it was", () => {
    expect(process.env).toEqual(envBefore);
  });
});

describe("a command's declared output", () => {
  it("is checked as the answer is sent outside production, so a value the browser would refuse fails loudly", async () => {
    const fractional = defineCommand({
      name: "test.count",
      permission: "read",
      output: z.object({ count: z.number().int() }),
      run: async () => ({ data: { count: 1.5 } }),
    });
    const executed = await run(fractional, {});
    expect(executed.status).toBe(500);
    expect(executed.envelope.error).toMatchObject({ type: "internal_error", code: "output_mismatch" });
    expect(executed.envelope.error?.message).toContain("count");
  });
});
