import { vi } from "vitest";
import { loadCommandRoutes } from "./route-server";
import { identityHeaders, type TestConsole } from "./console";

// Drives every API route of a console the way operators and attackers would — valid and invalid input,
// then again while Buildkite fails in each way it can — and keeps every response (status line, headers
// and body) so a test can scan them for secrets. The route list comes from app/api, so a new route is
// scanned without anyone listing it.

interface Fixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
  artifactId?: string;
}

/** Bodies a route accepts, by the end of its path; any other write route gets an empty object. */
function validBody(pattern: string, ids: { scheduled: string[]; stackKey: string; queueKey: string }): unknown {
  const [first = "", second = ""] = ids.scheduled;
  if (pattern.endsWith("/finish")) return { detail: "secret scan" };
  if (pattern.endsWith("/bulk-finish")) return { jobIds: [second], detail: "secret scan" };
  if (pattern.endsWith("/reservations")) return { jobIds: [first], expirySeconds: 60 };
  if (pattern.endsWith("/notifications")) return { notifications: [{ jobId: first, detail: "secret scan" }] };
  if (pattern.endsWith("/job-states")) return { jobIds: [first, second] };
  if (pattern === "/api/v1/stacks")
    return { key: "secret-scan", queueKey: ids.queueKey, metadata: { purpose: "scan" } };
  return {};
}

const FAULTS = [
  { status: 401 },
  { status: 403 },
  { status: 404 },
  { status: 422 },
  { status: 500 },
  { status: 429, retryAfter: 0 },
  { mode: "malformed" },
  { mode: "reset" },
] as const;

export interface Exercised {
  responses: string[];
  /** Route methods called, e.g. "GET /api/v1/builds". */
  covered: string[];
}

export async function exerciseEveryRoute(c: TestConsole, options: { faults?: boolean } = {}): Promise<Exercised> {
  const routes = (await loadCommandRoutes()).filter((route) => !route.pattern.includes("[..."));
  const fixtures = await c.control<Record<string, Fixture>>("fixtures");
  const failed = fixtures.failedJob as Fixture;
  const artifact = fixtures.smallArtifact as Fixture;
  const list = await fetch(`${c.origin}/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?limit=5`, {
    headers: identityHeaders("admin"),
  });
  const scheduled = ((await list.json()) as { data: { id: string }[] }).data.map((job) => job.id);
  const ids = { scheduled, stackKey: c.sim.stackKey, queueKey: c.sim.queueKey };

  const valid = (pattern: string) => {
    // Deregistering the watched stack would turn every later call into a 404: a stack of its own goes.
    if (pattern.endsWith("/deregister")) return pattern.replace("[key]", "secret-scan");
    const source = pattern.includes("[artifactId]") ? artifact : failed;
    const jobId = pattern.startsWith("/api/v1/stacks/") ? (scheduled[0] ?? "") : source.jobId;
    return pattern
      .replace("[key]", c.sim.stackKey)
      .replace("[pipeline]", source.pipeline)
      .replace("[number]", String(source.buildNumber))
      .replace("[id]", jobId)
      .replace("[artifactId]", source.artifactId ?? "");
  };
  const invalid = (pattern: string) => pattern.replace(/\[\w+\]/g, encodeURIComponent("../<x>\u0000"));

  const responses: string[] = [];
  const covered = new Set<string>();
  async function call(method: string, path: string, body?: unknown) {
    const response = await fetch(c.origin + path, {
      method,
      headers: { ...identityHeaders("admin"), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    responses.push(`${method} ${path} ${response.status}\n${JSON.stringify([...response.headers])}\n${text}`);
  }

  async function pass(withInvalid: boolean) {
    for (const route of routes) {
      for (const method of route.methods) {
        covered.add(`${method} ${route.pattern}`);
        if (method === "GET") {
          await call("GET", valid(route.pattern));
          if (withInvalid) {
            await call("GET", `${valid(route.pattern)}?raw=1`);
            await call("GET", `${invalid(route.pattern)}?limit=-1&page=0&after=%00&q=`);
          }
        } else {
          // A write that succeeds once may be refused next time (a job already finished): both are scanned.
          await call(method, valid(route.pattern), validBody(route.pattern, ids));
          if (withInvalid) {
            await call(method, invalid(route.pattern), { junk: true, detail: 42, jobIds: "all" });
            await call(method, valid(route.pattern), "{not json");
          }
        }
      }
    }
  }

  await pass(true);
  if (options.faults) {
    for (const fault of FAULTS) {
      await c.control("faults", { path: "*", count: 10_000, ...fault });
      await pass(false);
      await c.control("faults", undefined, "DELETE");
    }
  }
  return { responses, covered: [...covered] };
}

/** Everything the console writes to stdout (its log) from now on, kept instead of printed; undo with `vi.restoreAllMocks()`. */
export function captureStdout(): string[] {
  const logged: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    logged.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString());
    return true;
  });
  return logged;
}
