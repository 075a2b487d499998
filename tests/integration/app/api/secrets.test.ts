import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { captureStdout, exerciseEveryRoute } from "../../../support/secret-scan";

// Debug logging with whole payloads is the worst case: it must still show neither the cluster token nor
// a job's env values, and no response may carry the token or a secret-named env value.
let c: TestConsole;
let logged: string[] = [];

beforeAll(async () => {
  logged = captureStdout();
  // One attempt per upstream call: every failure is met once, without the waits between retries.
  c = await startConsole({ env: { LOG_LEVEL: "debug", LOG_HTTP_PAYLOADS: "true", BUILDKITE_RETRY_ATTEMPTS: "1" } });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await c.close();
});

test("the token and job env values never appear in logs or responses", async () => {
  const stack = c.sim.stackKey;
  const responses: string[] = [];
  const list = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=5`);
  responses.push(list.text);
  const ids = (list.body.data as { id: string }[]).map((j) => j.id);

  const rawEnvs: Record<string, string>[] = [];
  // Text that is legitimately logged (paths, list payloads, commands): an env value that also occurs there
  // (the job id, the branch) cannot be told apart, so only values private to the env are checked.
  let publicText = list.text;
  for (const id of ids) {
    // What Buildkite itself returns, fetched beside the console, to know which values must not leak.
    const upstream = await fetch(`${c.sim.agentApiUrl}/stacks/${stack}/jobs/${id}`, {
      headers: { authorization: `Token ${c.sim.clusterToken}` },
    });
    const detail = (await upstream.json()) as { env: Record<string, string>; command: string };
    rawEnvs.push(detail.env);
    publicText += detail.command;
    responses.push((await c.api(`/api/v1/stacks/${stack}/jobs/${id}`)).text);
    responses.push((await c.api(`/api/v1/stacks/${stack}/jobs/${id}?raw=1`)).text);
  }
  responses.push((await c.api("/api/v1/auth/status")).text);
  await c.control("faults", { path: "/v3/stacks/*/jobs/*", status: 401, count: 1 });
  responses.push((await c.api(`/api/v1/stacks/${stack}/jobs/${ids[0]}`)).text);

  const logText = logged.join("");
  expect(logText).toContain("stacks-api"); // the client did log its calls
  expect(logText).not.toContain(c.sim.clusterToken);
  for (const body of responses) expect(body).not.toContain(c.sim.clusterToken);

  let secretValues = 0;
  for (const env of rawEnvs) {
    for (const [name, value] of Object.entries(env)) {
      if (value.length < 6 || publicText.includes(value)) continue;
      expect(logText, `env ${name} leaked into the log`).not.toContain(value);
      if (/_(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY|CONNECTION_STRING|API_KEY)$/.test(name)) {
        secretValues += 1;
        for (const body of responses) expect(body, `env ${name} leaked into a response`).not.toContain(value);
      }
    }
  }
  expect(secretValues).toBeGreaterThan(0);
});

test(
  "no token reaches any route's response or the log, whatever the input and however Buildkite fails",
  { timeout: 60_000 },
  async () => {
    const tokens = { cluster: c.sim.clusterToken, rest: c.sim.apiToken, restReadOnly: c.sim.apiReadOnlyToken };
    const logStart = logged.length;
    const { responses, covered } = await exerciseEveryRoute(c, { faults: true });

    expect(covered.length).toBeGreaterThanOrEqual(20);
    // Every way of failing was met: refusals of the console's token, missing things, limits, outages.
    const statuses = new Set(responses.map((response) => Number(response.split("\n")[0]?.split(" ").at(-1))));
    for (const status of [200, 400, 401, 403, 404, 429, 502]) expect(statuses, `a ${status} answer`).toContain(status);
    const logText = logged.slice(logStart).join("");
    // The log is worth scanning: it holds the requests to Buildkite and the failures they met.
    expect(logText).toContain("stacks-api");
    expect(logText).toMatch(/"status":500/);
    for (const [name, token] of Object.entries(tokens)) {
      expect(logText.includes(token), `the ${name} token is in the log`).toBe(false);
      const leaked = responses
        .filter((response) => response.includes(token))
        .map((response) => response.split("\n")[0]);
      expect(leaked, `the ${name} token is in these responses`).toEqual([]);
    }
  },
);
