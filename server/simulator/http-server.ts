import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handler } from "./handler";
import { SimulatedConnectionReset } from "./http-errors";

export interface ServeOptions {
  host: string;
  port: number;
  /**
   * The origin clients reach the server by, when that is not its listen address (a container network
   * name): the URLs it hands out (pagination links, artifact redirects) must work from the client's side.
   */
  publicOrigin?: string;
}

export interface Served {
  origin: string;
  close(): Promise<void>;
}

/** Streams the node request body into a web ReadableStream, pulling only as fast as the handler reads. */
function bodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  const chunks = req[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next: IteratorResult<unknown> = await chunks.next();
      if (next.done === true) controller.close();
      else if (next.value instanceof Uint8Array) controller.enqueue(next.value);
    },
    async cancel() {
      await chunks.return?.();
    },
  });
}

function toRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2)
    headers.append(req.rawHeaders[i] ?? "", req.rawHeaders[i + 1] ?? "");
  const method = req.method ?? "GET";
  // `duplex` is required by fetch for streamed bodies but missing from the DOM typings.
  const init: RequestInit & { duplex?: "half" } = { method, headers };
  if (method !== "GET" && method !== "HEAD") {
    init.body = bodyStream(req);
    init.duplex = "half";
  }
  return new Request(new URL(req.url ?? "/", origin), init);
}

/**
 * A body that arrives as one chunk goes out in one write with a Content-Length; splitting it into a
 * chunked write plus a terminating write costs a delayed-ACK round trip on loopback.
 */
async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  response.headers.forEach((value, name) => res.setHeader(name, value));
  const reader = response.body?.getReader();
  const first = await reader?.read();
  if (reader === undefined || first === undefined || first.done === true) {
    res.writeHead(response.status).end();
    return;
  }
  const second = await reader.read();
  if (second.done === true) {
    res.setHeader("content-length", first.value.byteLength);
    res.writeHead(response.status).end(first.value);
    return;
  }
  res.writeHead(response.status);
  res.write(first.value);
  for (let chunk: ReadableStreamReadResult<Uint8Array> = second; chunk.done !== true; chunk = await reader.read()) {
    if (!res.write(chunk.value)) await once(res, "drain");
  }
  res.end();
}

/** Adapts node:http to the fetch-style handler; a simulated reset destroys the socket with no response at all. */
export async function serve(handler: Handler, options: ServeOptions): Promise<Served> {
  let origin = "";
  const server = createServer((req, res) => {
    handler(toRequest(req, origin), { remoteAddress: req.socket.remoteAddress })
      .then((response) => writeResponse(res, response))
      .catch((error: unknown) => {
        if (error instanceof SimulatedConnectionReset || res.headersSent) {
          req.socket.destroy();
          return;
        }
        console.error("[simulator] request failed", error);
        res
          .writeHead(500, { "content-type": "application/json" })
          .end(JSON.stringify({ message: "Internal Server Error" }));
      });
  });
  server.listen(options.port, options.host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  origin = options.publicOrigin ?? `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Idle keep-alive sockets would otherwise hold close() open for the keep-alive timeout.
        server.closeIdleConnections();
      }),
  };
}
