import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { ensureProductionBuild } from "../../scripts/production-build";
import type { RunningSimulator } from "../../server/simulator";

export interface Stats {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  max: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    n: sorted.length,
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// A live console needs a sign-in mode. The benchmarks reach it as a deployment would: through an auth proxy
// (oauth2-proxy style) that vouches for an admin with the shared secret on every request.
const PROXY_SECRET = "bench-auth-proxy-secret-0123456789";
const BENCH_ADMIN = "bench-admin@example.test";

async function startAuthProxy(target: string): Promise<{ origin: string; close(): void }> {
  const server = createHttpServer((req, res) => {
    const upstream = httpRequest(
      `${target}${req.url ?? "/"}`,
      {
        method: req.method,
        headers: {
          ...req.headers,
          "x-auth-proxy-secret": PROXY_SECRET,
          "x-forwarded-email": BENCH_ADMIN,
          "x-forwarded-user": "Bench Admin",
        },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    // A viewer that leaves mid-answer (an event stream, above all) must leave the console too.
    res.on("close", () => {
      if (!res.writableFinished) upstream.destroy();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/**
 * A production build of the console (built again only when the sources changed), started with the given environment. A live
 * console is reached through an auth proxy signing in as an admin; `origin` is the proxy's.
 */
export async function startConsoleServer(
  env: Record<string, string>,
): Promise<{ origin: string; pid: number; stop(): void }> {
  ensureProductionBuild();
  const port = await freePort();
  const child: ChildProcess = spawn("npx", ["next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    // Each benchmark server keeps its store in memory: an embedded database directory allows one process.
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      DATA_DIR: "memory://",
      AUTH_MODE: "proxy",
      AUTH_PROXY_SECRET: PROXY_SECRET,
      AUTH_ADMIN_EMAILS: BENCH_ADMIN,
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const proxy = await startAuthProxy(`http://127.0.0.1:${port}`);
  const origin = proxy.origin;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${origin}/api/v1/auth/status`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the console did not start within 60 s");
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    origin,
    /** The process group of the console (it was started detached): npx, next and its workers. */
    pid: child.pid ?? 0,
    stop: () => {
      proxy.close();
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    },
  };
}

export function printTable(title: string, rows: Record<string, string | number>[]): void {
  console.log(`\n${title}`);
  console.table(rows);
}

export const ms = (x: number) => Number(x.toFixed(2));

export const sleep = (millis: number) => new Promise((resolve) => setTimeout(resolve, millis));

export async function postJson(url: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}`);
  return response.json();
}

/** The ids of the watched queue's scheduled jobs, as the console lists them. */
export async function scheduledJobIds(origin: string, sim: RunningSimulator): Promise<string[]> {
  const response = await fetch(`${origin}/api/v1/stacks/${sim.stackKey}/scheduled-jobs?queue=${sim.queueKey}&all=1`);
  const body = (await response.json()) as { ok: boolean; data: { id: string }[] };
  if (!body.ok) throw new Error("the console could not list the scheduled jobs");
  return body.data.map((job) => job.id);
}

/** Tops the default queue up to `target` scheduled jobs, spread over an hour so waits and sort order vary. */
export async function fillQueue(origin: string, sim: RunningSimulator, target: number): Promise<void> {
  const missing = target - (await scheduledJobIds(origin, sim)).length;
  const chunks = 10;
  for (let i = 0; i < chunks && missing > 0; i++) {
    const count = Math.floor(missing / chunks) + (i < missing % chunks ? 1 : 0);
    if (count > 0) await postJson(`${sim.origin}/__sim/jobs`, { count });
    await postJson(`${sim.origin}/__sim/clock`, { advanceMs: 6 * 60_000 });
  }
  const deadline = Date.now() + 10_000;
  while ((await scheduledJobIds(origin, sim)).length < target) {
    if (Date.now() > deadline) throw new Error(`the queue did not reach ${target} jobs`);
    await sleep(250);
  }
}

/** The processes of a process group (a console started by startConsoleServer: npx, next and its workers). */
function groupPids(pgid: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "-g", String(pgid)], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => Number(line.trim()))
    .filter((pid) => pid > 0);
}

/** Resident memory of a process group, in MB. */
export function processGroupRssMb(pgid: number): number {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
  return out
    .split("\n")
    .map((line) => Number(line.trim()) || 0)
    .reduce((sum, kb) => sum + kb / 1024, 0);
}

const CLOCK_TICKS = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/** The process in a console's group that serves requests: next's server, which names itself next-server. */
export function nextServerPid(pgid: number): number {
  const pid = groupPids(pgid).find((candidate) => {
    try {
      return readFileSync(`/proc/${candidate}/cmdline`, "utf8").startsWith("next-server");
    } catch {
      return false;
    }
  });
  if (pid === undefined) throw new Error(`no next-server process in process group ${pgid}`);
  return pid;
}

/** A process's resident memory (VmRSS), in MB. */
export function processRssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("VmRSS:"));
  return Number(line?.match(/\d+/)?.[0] ?? NaN) / 1024;
}

/** CPU time (user + system) a process has used so far, in seconds. */
export function processCpuSeconds(pid: number): number {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th of them.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
