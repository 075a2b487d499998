import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";
import { captureStdout } from "../../../support/secret-scan";

// Every log line written while a request is handled carries its request id — the route's own lines, and the
// HTTP core's lines about the Buildkite calls made for it, which are written far from the route.

let c: TestConsole;
let logged: string[] = [];

beforeAll(async () => {
  logged = captureStdout();
  c = await startConsole({ env: { LOG_LEVEL: "debug" } });
});
afterEach(() => c.control("faults", undefined, "DELETE"));
afterAll(async () => {
  vi.restoreAllMocks();
  await c.close();
});

type Line = { msg: string; requestId?: string; path?: string; raw: string };

/** The JSON lines logged while `work` ran. */
async function linesDuring(work: () => Promise<unknown>): Promise<Line[]> {
  const from = logged.length;
  await work();
  return logged
    .slice(from)
    .join("")
    .split("\n")
    .filter(Boolean)
    .map((raw) => ({ ...(JSON.parse(raw) as Omit<Line, "raw">), raw }));
}

async function scheduledJobs(count: number): Promise<string[]> {
  const { body } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=${count}`);
  return (body.data as { id: string }[]).map((job) => job.id);
}

const jobPath = (id: string) => `/api/v1/stacks/${c.sim.stackKey}/jobs/${id}`;

describe("the request id on every log line", () => {
  test("a command that calls Buildkite (and retries) logs every line under the response's request id", async () => {
    const [job = ""] = await scheduledJobs(1);
    await c.control("faults", { path: "/v3/stacks/*/jobs/*", status: 503, count: 1 });
    let requestId: string | null = null;
    const lines = await linesDuring(async () => {
      const { status, headers } = await c.api(jobPath(job));
      expect(status).toBe(200);
      requestId = headers.get("x-request-id");
    });
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.map((line) => line.msg)).toEqual([
      "buildkite request",
      "buildkite retry scheduled",
      "buildkite request",
      "served",
    ]);
    for (const line of lines) {
      expect(line.requestId).toBe(requestId);
      // Once per line: a second "requestId" key would leave log tools to pick one.
      expect(line.raw.match(/"requestId"/g)).toHaveLength(1);
    }
  });

  test("a failed command's envelope, header and log lines name the same request", async () => {
    const [job = ""] = await scheduledJobs(1);
    await c.control("faults", { path: "/v3/stacks/*/jobs/*", status: 500, count: 2 });
    let requestId: string | null = null;
    const lines = await linesDuring(async () => {
      const { status, headers, body } = await c.api(jobPath(job));
      expect(status).toBe(502);
      requestId = headers.get("x-request-id");
      expect(body.error?.requestId).toBe(requestId);
    });
    expect(lines.map((line) => line.msg)).toContain("command failed");
    expect(lines.every((line) => line.requestId === requestId)).toBe(true);
  });

  test("requests handled at the same time each keep their own id on their upstream calls' lines", async () => {
    const jobs = await scheduledJobs(4);
    const idFor = new Map<string, string>();
    const lines = await linesDuring(() =>
      Promise.all(
        jobs.map(async (job) => {
          const { headers } = await c.api(jobPath(job));
          idFor.set(job, headers.get("x-request-id") ?? "");
        }),
      ),
    );
    const upstream = lines.filter((line) => line.msg === "buildkite request");
    expect(upstream).toHaveLength(jobs.length);
    for (const line of upstream) {
      const job = jobs.find((id) => line.path?.endsWith(`/jobs/${id}`));
      expect(job).toBeDefined();
      expect(line.requestId).toBe(idFor.get(job ?? ""));
    }
    expect(new Set(upstream.map((line) => line.requestId)).size).toBe(jobs.length);
  });

  test("a change's upstream calls are logged under the request that made them", async () => {
    const [job = ""] = await scheduledJobs(1);
    let requestId: string | null = null;
    const lines = await linesDuring(async () => {
      const { status, headers } = await c.api(`/api/v1/stacks/${c.sim.stackKey}/reservations`, {
        body: { jobIds: [job], expirySeconds: 60 },
      });
      expect(status).toBe(200);
      requestId = headers.get("x-request-id");
    });
    const upstream = lines.filter((line) => line.msg === "buildkite request");
    expect(upstream.map((line) => line.path)).toContain(`/v3/stacks/${c.sim.stackKey}/scheduled-jobs/batch-reserve`);
    expect(lines.every((line) => line.requestId === requestId)).toBe(true);
  });
});
