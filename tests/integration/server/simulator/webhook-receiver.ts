import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface Received {
  event: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: unknown;
  /** Wall-clock ms when the request arrived. */
  at: number;
}

/** A tiny webhook endpoint on 127.0.0.1: records every request and answers with the scripted statuses, then 200. */
export interface TestReceiver {
  url: string;
  /** Every request, in arrival order, whatever it was answered. */
  requests: Received[];
  /** Requests answered 2xx. */
  delivered(): Received[];
  /** Statuses for the next requests, one each (0: never answer); 200 once used up. */
  answers: number[];
  close(): Promise<void>;
}

export async function startReceiver(): Promise<TestReceiver> {
  const requests: Received[] = [];
  const answered: number[] = [];
  const receiver: TestReceiver = {
    url: "",
    requests,
    answers: [],
    delivered: () =>
      requests.filter((_, index) => {
        const status = answered[index] ?? 0;
        return status >= 200 && status < 300;
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const status = receiver.answers.shift() ?? 200;
      requests.push({
        event: String(req.headers["x-buildkite-event"]),
        headers: req.headers,
        body,
        payload: JSON.parse(body) as unknown,
        at: Date.now(),
      });
      answered.push(status);
      if (status === 0) return;
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  receiver.url = `http://127.0.0.1:${port}/webhooks`;
  return receiver;
}

/** Polls until `condition` holds, failing after `timeoutMs` with what was last seen. */
export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
