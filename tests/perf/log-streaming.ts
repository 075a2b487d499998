import { readdirSync, readFileSync } from "node:fs";
import { chromiumLaunchOptions } from "../support/chromium";
import { chromium } from "@playwright/test";
import { startSimulator } from "../../server/simulator";
import { ms, printTable, startConsoleServer, stats } from "./support";
import { simulatorEnv } from "../support/simulator-env";

// What a 100 MB log and a 100 MB artifact cost the BFF: its resident memory while each streams through
// (download) or is mirrored and indexed (the viewer's first jump to line 1), beside the file's size, and
// the time a browser takes to show the first lines of that log. All in one run against one build.

const MB = 1024 * 1024;

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
  bytes: number;
}
interface Fixtures {
  largeLog: JobFixture;
  largeArtifact: JobFixture & { artifactId: string };
}

/** Resident memory of every process in the console's process group (npx, next, its workers), in bytes. */
function groupRss(groupId: number): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== groupId) continue;
      const status = readFileSync(`/proc/${entry}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // the process ended while it was being read
    }
  }
  return total;
}

interface Sample {
  peak: number;
  /** The peak while the first tenth had streamed: if memory followed the file, the end's peak would be far higher. */
  earlyPeak: number;
  ms: number;
  bytes: number;
}

/** Runs `work` while sampling the group's memory every 20 ms; `work` reports its progress in bytes. */
async function whileSampling(
  groupId: number,
  size: number,
  work: (progress: (bytes: number) => void) => Promise<number>,
): Promise<Sample> {
  let peak = groupRss(groupId);
  let earlyPeak = peak;
  let streamed = 0;
  const timer = setInterval(() => {
    const rss = groupRss(groupId);
    peak = Math.max(peak, rss);
    if (streamed < size / 10) earlyPeak = peak;
  }, 20);
  const started = performance.now();
  try {
    const bytes = await work((done) => {
      streamed = done;
    });
    return { peak: Math.max(peak, groupRss(groupId)), earlyPeak, ms: performance.now() - started, bytes };
  } finally {
    clearInterval(timer);
  }
}

/** Reads a response to the end without keeping it: the client side must not be what holds memory. */
async function drain(
  url: string,
  init: RequestInit = {},
  progress: (bytes: number) => void = () => undefined,
): Promise<number> {
  const response = await fetch(url, init);
  if (!response.ok || response.body === null) throw new Error(`${url} answered ${response.status}`);
  let bytes = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    bytes += read.value.length;
    progress(bytes);
  }
  return bytes;
}

/** The same bytes straight from the simulator, for the ratio: what the console adds on top of Buildkite. */
async function upstreamMs(url: string, init: RequestInit): Promise<number> {
  const started = performance.now();
  await drain(url, init);
  return performance.now() - started;
}

export async function logStreaming(): Promise<void> {
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  const fixtures = (await (await fetch(`${sim.origin}/__sim/fixtures`)).json()) as Fixtures;
  const app = await startConsoleServer({
    ...simulatorEnv(sim),
  });
  const groupId = app.pid;
  const log = fixtures.largeLog;
  const art = fixtures.largeArtifact;
  const jobPath = (job: JobFixture) =>
    `${app.origin}/api/v1/pipelines/${job.pipeline}/builds/${job.buildNumber}/jobs/${job.jobId}`;
  try {
    // Warm the routes so their first compile is not counted as streaming memory.
    await fetch(`${jobPath(log)}/log?maxBytes=1000`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = groupRss(groupId);
    const download = await whileSampling(groupId, log.bytes, (progress) =>
      drain(`${jobPath(log)}/log/download`, {}, progress),
    );
    const artifact = await whileSampling(groupId, art.bytes, (progress) =>
      drain(`${jobPath(art)}/artifacts/${art.artifactId}/download`, {}, progress),
    );
    const mirror = await whileSampling(groupId, log.bytes, async () => {
      const body = (await (await fetch(`${jobPath(log)}/log/chunk?line=1`)).json()) as {
        ok: boolean;
        data: { lineCount: number };
      };
      if (!body.ok) throw new Error("the chunk of line 1 failed");
      return log.bytes;
    });
    const restHeaders = { authorization: `Bearer ${sim.apiToken}` };
    const upstreamBase = `${sim.restApiUrl}/organizations/${sim.org}/pipelines`;
    const logUpstream = await upstreamMs(
      `${upstreamBase}/${log.pipeline}/builds/${log.buildNumber}/jobs/${log.jobId}/log`,
      { headers: { ...restHeaders, accept: "text/plain" } },
    );
    const redirect = await fetch(
      `${upstreamBase}/${art.pipeline}/builds/${art.buildNumber}/jobs/${art.jobId}/artifacts/${art.artifactId}/download`,
      { headers: restHeaders, redirect: "manual" },
    );
    const artifactUpstream = await upstreamMs(
      new URL(redirect.headers.get("location") ?? "", sim.origin).toString(),
      {},
    );
    const row = (what: string, size: number, sample: Sample, upstream: number | null) => ({
      what,
      "file MB": ms(size / MB),
      "idle RSS MB": ms(idle / MB),
      "growth at 10% MB": ms((sample.earlyPeak - idle) / MB),
      "growth at 100% MB": ms((sample.peak - idle) / MB),
      "peak growth / file": ms((sample.peak - idle) / size),
      "MB/s": ms(sample.bytes / MB / (sample.ms / 1000)),
      "upstream alone MB/s": upstream === null ? "—" : ms(size / MB / (upstream / 1000)),
    });
    printTable("BFF memory while 100 MB streams through (whole console process group)", [
      row("log download", log.bytes, download, logUpstream),
      row("artifact download", art.bytes, artifact, artifactUpstream),
      row("log mirror + index (viewer's jump to line 1)", log.bytes, mirror, null),
    ]);

    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const firstLines: number[] = [];
      const pageUrl = `${app.origin}/builds/${log.pipeline}/${log.buildNumber}/jobs/${log.jobId}`;
      for (let i = 0; i < 5; i++) {
        const page = await browser.newPage();
        await page.goto(pageUrl);
        const mark = await page.waitForFunction(
          () => performance.getEntriesByName("log-first-lines")[0]?.startTime,
          undefined,
          { timeout: 30_000 },
        );
        firstLines.push(Number(await mark.jsonValue()));
        await page.close();
      }
      const s = stats(firstLines);
      printTable("Time to first log lines in Chromium, 100 MB log (ms from navigation start)", [
        { samples: s.n, p50: ms(s.p50), max: ms(s.max), "log MB": ms(log.bytes / MB) },
      ]);
    } finally {
      await browser.close();
    }
  } finally {
    app.stop();
    await sim.close();
  }
}
