import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubReply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  /** Drop the connection without answering. */
  destroy?: boolean;
}

export interface StubServer {
  origin: string;
  requests: RecordedRequest[];
  /** Replies are used in order; when they run out, `fallback` answers. */
  reply(...replies: StubReply[]): void;
  fallback: StubReply;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A byte-level recorder for what the client puts on the wire, which the simulator (it parses requests
 * leniently) cannot show: exact headers, body bytes and path escaping.
 */
export async function startStubServer(): Promise<StubServer> {
  const queue: StubReply[] = [];
  const stub: StubServer = {
    origin: "",
    requests: [],
    reply: (...replies) => void queue.push(...replies),
    fallback: { status: 200, body: "{}" },
    reset() {
      queue.length = 0;
      stub.requests.length = 0;
      stub.fallback = { status: 200, body: "{}" };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      stub.requests.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const reply = queue.shift() ?? stub.fallback;
      const answer = () => {
        if (reply.destroy) {
          req.socket.destroy();
          return;
        }
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(reply.body ?? "");
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref();
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return stub;
}
