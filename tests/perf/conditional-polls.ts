import { request as httpRequest } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { startSimulator } from "../../server/simulator";
import { simulatorEnv } from "../support/simulator-env";
import { ms, printTable, startConsoleServer, stats } from "./support";

// What one viewer of the stack page costs while nothing changes, polling as the page does every 2 s
// (queue state and every scheduled job, 5000 of them), with and without If-None-Match, measured through
// a production build in the same run:
// - response bytes on the wire per viewer per minute (status line, headers and body as sent, compressed as
//   a browser would accept it);
// - time per poll, from request to last byte (loopback, through the sign-in proxy), at the page's cadence
//   (each poll finds a fresh shared read: the read is reused for one poll interval) and back to back.

const POLL_MS = 2_000;
const CADENCE_POLLS = 15;
const BACK_TO_BACK_POLLS = 100;
const JOBS = 5_000;

interface Answer {
  status: number;
  wireBytes: number;
  ms: number;
  etag: string | null;
}

/** One GET as a browser sends it, counting what comes back over the socket (node:http does not decompress). */
function poll(url: string, ifNoneMatch: string | null): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        headers: {
          accept: "application/json",
          "accept-encoding": "gzip, deflate, br",
          ...(ifNoneMatch ? { "if-none-match": ifNoneMatch } : {}),
        },
      },
      (res) => {
        const statusLine = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length;
        let headerBytes = 2;
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          headerBytes += (res.rawHeaders[i] ?? "").length + (res.rawHeaders[i + 1] ?? "").length + 4;
        let bodyBytes = 0;
        res.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            wireBytes: statusLine + headerBytes + bodyBytes,
            ms: performance.now() - started,
            etag: typeof res.headers.etag === "string" ? res.headers.etag : null,
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** A viewer polling every URL, keeping each URL's last tag when `conditional`. */
function viewer(urls: string[], conditional: boolean) {
  const tags = new Map<string, string>();
  return async (): Promise<Answer[]> =>
    Promise.all(
      urls.map(async (url) => {
        const answer = await poll(url, conditional ? (tags.get(url) ?? null) : null);
        if (answer.status !== 200 && answer.status !== 304) throw new Error(`${url} answered ${answer.status}`);
        if (answer.etag) tags.set(url, answer.etag);
        return answer;
      }),
    );
}

interface Series {
  /** Per URL: the answers polled at the page's cadence, then back to back. */
  cadence: Answer[][];
  backToBack: Answer[][];
}

async function measure(urls: string[], conditional: boolean): Promise<Series> {
  const next = viewer(urls, conditional);
  await next();
  const series: Series = { cadence: urls.map(() => []), backToBack: urls.map(() => []) };
  for (let i = 0; i < CADENCE_POLLS; i++) {
    const started = Date.now();
    (await next()).forEach((answer, url) => series.cadence[url]!.push(answer));
    await sleep(Math.max(0, POLL_MS - (Date.now() - started)));
  }
  for (let i = 0; i < BACK_TO_BACK_POLLS; i++)
    (await next()).forEach((answer, url) => series.backToBack[url]!.push(answer));
  return series;
}

const perMinute = (answers: Answer[]) =>
  (answers.reduce((sum, a) => sum + a.wireBytes, 0) / answers.length) * (60_000 / POLL_MS);
const latency = (answers: Answer[]) => stats(answers.map((a) => a.ms));

export async function conditionalPolls(): Promise<void> {
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  const control = (path: string, body: unknown) =>
    fetch(`${sim.origin}/__sim/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  await control("activity", { on: false });
  await control("jobs", { count: JOBS, queueKey: sim.queueKey });
  const app = await startConsoleServer({ ...simulatorEnv(sim), POLL_INTERVAL_MS: String(POLL_MS) });
  try {
    const base = `${app.origin}/api/v1/stacks/${sim.stackKey}`;
    const queue = encodeURIComponent(sim.queueKey);
    const urls = [`${base}/scheduled-jobs?queue=${queue}&all=1`, `${base}/queue?queue=${queue}`];
    const answer = (await (await fetch(urls[0]!)).json()) as { data: unknown[]; summary: { count: number } };
    const jsonBytes = Buffer.byteLength(JSON.stringify(answer));

    // Warm both paths (JIT, connections) before measuring.
    for (const conditional of [false, true]) {
      const warm = viewer(urls, conditional);
      for (let i = 0; i < 10; i++) await warm();
    }
    const plain = await measure(urls, false);
    const tagged = await measure(urls, true);
    const series = [
      ["unconditional (no-store)", plain],
      ["conditional (If-None-Match)", tagged],
    ] as const;

    const plainWire = plain.cadence.reduce((sum, answers) => sum + perMinute(answers), 0);
    printTable(
      `Response bytes on the wire per viewer per minute, polling scheduled-jobs (all=1, ${answer.summary.count} jobs, ${ms(jsonBytes / 1024 / 1024)} MiB of JSON before compression) and queue every ${POLL_MS / 1000} s, nothing changing`,
      series.map(([label, measured]) => {
        const wire = measured.cadence.reduce((sum, answers) => sum + perMinute(answers), 0);
        return {
          series: label,
          "304s / polls": `${measured.cadence.flat().filter((a) => a.status === 304).length} / ${measured.cadence.flat().length}`,
          "scheduled-jobs KiB": ms(perMinute(measured.cadence[0]!) / 1024),
          "queue KiB": ms(perMinute(measured.cadence[1]!) / 1024),
          "total KiB": ms(wire / 1024),
          "unconditional / this": ms(plainWire / wire),
        };
      }),
    );
    printTable(
      `Time per poll, request to last byte (loopback, through the sign-in proxy): at ${POLL_MS / 1000} s (${CADENCE_POLLS} polls; each finds a renewed shared read) and back to back (${BACK_TO_BACK_POLLS} polls; the shared read cached)`,
      urls.flatMap((url, index) =>
        series.map(([label, measured]) => {
          const cadence = latency(measured.cadence[index]!);
          const backToBack = latency(measured.backToBack[index]!);
          const base = latency(plain.backToBack[index]!);
          return {
            url: new URL(url).pathname.split("/").pop()!,
            series: label,
            "p50 ms at 2 s": ms(cadence.p50),
            "p95 ms at 2 s": ms(cadence.p95),
            "p50 ms back to back": ms(backToBack.p50),
            "p95 ms back to back": ms(backToBack.p95),
            "p50 back to back / unconditional": ms(backToBack.p50 / base.p50),
          };
        }),
      ),
    );
  } finally {
    app.stop();
    await sim.close();
  }
}
