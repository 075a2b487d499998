import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative, sep } from "node:path";

// Serves the app's real route handlers (app/api/**/route.ts) over real HTTP, without a Next build, so
// integration tests can drive every route the way a browser does. The route list comes from the file
// tree, so a new route is served (and covered by the generated tests) without anyone listing it.

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

export interface RouteFile {
  file: string;
  /** e.g. /api/v1/stacks/[key]/jobs/[jobId]/finish */
  pattern: string;
  methods: string[];
  module: Record<string, unknown>;
}

const appDir = join(process.cwd(), "app");

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return entry.name === "route.ts" ? [path] : [];
  });
}

export async function loadRoutes(): Promise<RouteFile[]> {
  const files = routeFiles(join(appDir, "api"));
  return Promise.all(
    files.map(async (file) => {
      const pattern = "/" + relative(appDir, file).split(sep).slice(0, -1).join("/");
      const exports = (await import(file)) as Record<string, unknown>;
      const methods = METHODS.filter((m) => typeof exports[m] === "function");
      return { file, pattern, methods, module: exports };
    }),
  );
}

/**
 * The routes of the envelope API (/api/v1), which the generated tests hold to its rules; operational
 * endpoints such as /api/health and /api/metrics answer in shapes of their own and are tested on their own.
 */
export async function loadCommandRoutes(): Promise<RouteFile[]> {
  return (await loadRoutes()).filter((route) => route.pattern.startsWith("/api/v1/"));
}

function match(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = pathname.split("/");
  const catchAll = /^\[\.\.\.(.+)\]$/.exec(want[want.length - 1] ?? "");
  if (catchAll) {
    const prefix = want.slice(0, -1);
    if (got.length <= prefix.length || prefix.some((w, i) => w !== got[i])) return null;
    return { [catchAll[1] ?? "path"]: got.slice(prefix.length).map(decodeURIComponent).join("/") };
  }
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? "";
    const g = got[i] ?? "";
    const name = /^\[(.+)\]$/.exec(w)?.[1];
    if (name) params[name] = decodeURIComponent(g);
    else if (w !== g) return null;
  }
  return params;
}

// Static segments beat dynamic ones and catch-alls come last, as in Next's router.
const specificity = (pattern: string) => (pattern.includes("[...") ? -1000 : -(pattern.match(/\[/g)?.length ?? 0));

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body, signal });
}

export interface RouteServer {
  origin: string;
  routes: RouteFile[];
  close(): Promise<void>;
}

export async function startRouteServer(): Promise<RouteServer> {
  const routes = (await loadRoutes()).sort((a, b) => specificity(b.pattern) - specificity(a.pattern));
  let origin = "";
  const server: Server = createServer((req, res) => {
    // As in Next: the request's signal aborts when the client goes away, which ends event streams.
    const gone = new AbortController();
    res.on("close", () => gone.abort());
    void (async () => {
      const request = await toRequest(req, origin, gone.signal);
      const pathname = new URL(request.url).pathname;
      let response: Response = new Response("not found", { status: 404 });
      for (const route of routes) {
        const params = match(route.pattern, pathname);
        if (!params) continue;
        const handler = route.module[request.method] as Handler | undefined;
        response = handler
          ? await handler(request, { params: Promise.resolve(params) })
          : new Response(null, { status: 405 });
        break;
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      // Chunk by chunk, as Next sends them: a stream's events must arrive as they are written.
      const reader = response.body?.getReader();
      for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) res.write(read.value);
      res.end();
    })().catch((error: unknown) => {
      res.writeHead(599).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    routes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
