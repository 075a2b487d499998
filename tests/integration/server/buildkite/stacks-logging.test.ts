import pino from "pino";
import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createStacksClient } from "@/server/buildkite/stacks";

import { startStubServer, type StubServer } from "./stub-server";

const token = "bkct_logging_secret_token_42";
const jobId = "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11";
const env = {
  AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI-K7MDENG-bPxRfiCY",
  NPM_TOKEN: "npm_8f2c4a9d1e7b3f6a",
  ECHOED_TOKEN: token,
};

let stub: StubServer;
let dispatcher: Agent;

beforeAll(async () => {
  stub = await startStubServer();
  dispatcher = new Agent();
});
afterAll(async () => {
  await dispatcher.close();
  await stub.close();
});

function capturedLogger() {
  const lines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe("Stacks client logging", () => {
  it("logs payloads without the token or any job env value", async () => {
    const { logger, lines } = capturedLogger();
    stub.reply({ status: 503, body: `{"message":"bad ${token}"}` });
    stub.fallback = { status: 200, body: JSON.stringify({ id: jobId, env, command: "make deploy" }) };
    const stacks = createStacksClient({
      baseUrl: `${stub.origin}/v3`,
      token,
      dispatcher,
      logger,
      logPayloads: true,
      retry: { sleep: async () => {} },
    });

    const result = await stacks.getJob({ stackKey: "console", jobId });
    expect(result.data.env).toEqual(env);

    const output = lines.join("");
    expect(output).not.toContain(token);
    for (const value of Object.values(env)) expect(output).not.toContain(value);
    expect(output).toContain("AWS_SECRET_ACCESS_KEY");
    expect(output).toContain("make deploy");

    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const attempts = entries.filter((entry) => entry.msg === "buildkite request");
    expect(attempts.map((entry) => [entry.attempt, entry.status])).toEqual([
      [1, 503],
      [2, 200],
    ]);
    expect(attempts[0]?.attemptId).not.toBe(attempts[1]?.attemptId);
    expect(attempts[1]).toMatchObject({
      level: 20,
      method: "GET",
      path: `/v3/stacks/console/jobs/${jobId}`,
      requestHeaders: { authorization: "[REDACTED]" },
    });
    expect(typeof attempts[1]?.durationMs).toBe("number");
    expect(entries.some((entry) => entry.msg === "buildkite retry scheduled")).toBe(true);
  });

  it("logs no payloads unless asked", async () => {
    const { logger, lines } = capturedLogger();
    stub.reset();
    stub.fallback = { status: 200, body: JSON.stringify({ id: jobId, env, command: "make deploy" }) };
    const stacks = createStacksClient({ baseUrl: `${stub.origin}/v3`, token, dispatcher, logger });
    await stacks.getJob({ stackKey: "console", jobId });
    const output = lines.join("");
    expect(output).toContain("buildkite request");
    expect(output).not.toContain("make deploy");
    expect(output).not.toContain(token);
  });
});
