import { spawn, type ChildProcess } from "node:child_process";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { ensureProductionBuild } from "../../scripts/production-build";

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
