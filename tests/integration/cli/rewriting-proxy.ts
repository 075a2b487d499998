import { createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A Buildkite that lies: forwards everything to the simulator, but lets a test rewrite the JSON of chosen
 * answers (an artifact list naming `../escape.txt`, a wrong sha1). Redirects are pointed back at the proxy
 * so artifact downloads keep to one origin, as they do with the simulator itself.
 */
export async function startRewritingProxy(
  target: string,
  rewrite: (path: string, json: unknown) => unknown,
): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target);
  let origin = "";
  const server: Server = createServer((incoming, outgoing) => {
    const forwarded = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: upstream.host, "accept-encoding": "identity" },
      },
      (answer: IncomingMessage) => {
        const headers = { ...answer.headers };
        if (typeof headers.location === "string") headers.location = headers.location.replace(upstream.origin, origin);
        const isJson = String(headers["content-type"] ?? "").includes("application/json");
        if (!isJson) {
          outgoing.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(outgoing);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const body = JSON.stringify(rewrite(incoming.url ?? "", JSON.parse(Buffer.concat(chunks).toString("utf8"))));
          delete headers["content-length"];
          outgoing.writeHead(answer.statusCode ?? 502, headers);
          outgoing.end(body);
        });
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}${upstream.pathname}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
