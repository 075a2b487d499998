import { request, type Agent, type IncomingHttpHeaders } from "node:http";
import type { Socket } from "node:net";

// Raw HTTP for the benchmarks that count bytes on the wire: node:http hands over the body as it arrived
// (compressed when the server compressed it), and the socket counts every byte read, headers and chunk
// framing included. fetch would decompress and hide both.

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent: compressed when `content-encoding` says so. */
  body: Buffer;
  /** Bytes read from the socket for this answer: status line, headers and body as framed. */
  wireBytes: number;
}

/** What a browser says it can decompress. */
export const BROWSER_ENCODINGS = "gzip, deflate, br";

/**
 * GET `url` and read the whole answer. Through a keep-alive `agent` the connection is reused, as a
 * browser's is; each request then runs alone on its socket, so the bytes read meanwhile are this answer's.
 */
export function rawGet(url: string, headers: Record<string, string>, agent?: Agent): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let socket: Socket | null = null;
    let startBytes = 0;
    const req = request(url, { headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          wireBytes: (socket?.bytesRead ?? 0) - startBytes,
        }),
      );
      res.on("error", reject);
    });
    req.on("socket", (assigned) => {
      socket = assigned;
      startBytes = assigned.bytesRead;
    });
    req.on("error", reject);
    req.end();
  });
}

export interface RawEventStream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Bytes read from the connection so far, headers included. */
  wireBytes(): number;
  /** The `hello` event's version, once it has arrived. */
  helloVersion(): number | null;
  /** The ids (versions) of the `change` events heard so far, in order. */
  changeVersions(): number[];
  close(): void;
}

/**
 * Opens a server-sent event stream on a connection of its own and parses it as it arrives. Resolves once
 * the answer's headers are in.
 */
export function openRawEventStream(url: string, headers: Record<string, string>): Promise<RawEventStream> {
  return new Promise((resolve, reject) => {
    let socket: Socket | null = null;
    let hello: number | null = null;
    const changes: number[] = [];
    const req = request(url, { headers: { accept: "text/event-stream", ...headers }, agent: false }, (res) => {
      if (res.headers["content-encoding"]) {
        req.destroy();
        return reject(new Error(`the event stream came ${res.headers["content-encoding"]}-encoded`));
      }
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (text: string) => {
        buffer += text;
        let split: number;
        while ((split = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          const lines = block.split("\n");
          const event = lines.find((line) => line.startsWith("event: "))?.slice(7);
          const id = Number(lines.find((line) => line.startsWith("id: "))?.slice(4));
          if (event === "hello" && Number.isFinite(id)) hello = id;
          else if (event === "change" && Number.isFinite(id)) changes.push(id);
        }
      });
      res.on("error", () => undefined);
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        wireBytes: () => socket?.bytesRead ?? 0,
        helloVersion: () => hello,
        changeVersions: () => [...changes],
        close: () => req.destroy(),
      });
    });
    req.on("socket", (assigned) => (socket = assigned));
    req.on("error", reject);
    req.end();
  });
}
