import { Agent } from "node:http";
import { chromium, devices, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startSimulator, type RunningSimulator } from "../../server/simulator";
import { chromiumLaunchOptions } from "../support/chromium";
import { simulatorEnv } from "../support/simulator-env";
import { APPLY_MEASURE, COMMIT_MEASURE, PROBE_SCRIPT, readProbe, resetProbe } from "./page-probes";
import {
  fillQueue,
  ms,
  nextServerPid,
  postJson,
  printTable,
  processCpuSeconds,
  processRssMb,
  scheduledJobIds,
  sleep,
  startConsoleServer,
  stats,
} from "./support";
import { BROWSER_ENCODINGS, openRawEventStream, rawGet, type RawEventStream } from "./wire-bytes";

// Push against polling, measured side by side in one run against a production build:
// 1. freshness: a job scheduled in Buildkite → its row in the stack page, polling (the stream refused) beside
//    the event stream alone and the stream with Buildkite webhooks;
// 2. bytes on the wire per viewer per minute with 5000 idle jobs: polling, conditional polling, one stream;
// 3. main-thread time to apply a change set of 50 jobs to a 5000-row table, beside a polled refresh of it;
// 4. one instance holding 200 streams while changes flow: memory, CPU, upstream reads, fan-out;
// 5. the stack page's HTML with 5000 jobs beside the whole list it used to embed.
// Goals: p95 ≤ 300 ms fresh with webhooks, stream < 1 % of polling's bytes, a change
// set applied in < 16 ms, HTML < 200 KB.

const POLL_MS = 2_000;
const TARGET_JOBS = 5_000;
const FRESH_SAMPLES = 15;
/** No seeded job on the default queue comes from this pipeline, so a view filtered to it starts empty. */
const FRESH_PIPELINE = "mobile-ios";
const FRESH_GOAL_MS = 300;
const WIRE_WINDOW_MS = 30_000;
const WIRE_GOAL = 0.01;
const APPLY_ROUNDS = 10;
const CHANGED_JOBS = 50;
const APPLY_GOAL_MS = 16;
/** A change's commits land within a frame or two of it; this leaves room for stragglers. */
const SETTLE_MS = 400;
const VIEWERS = 200;
const VIEWERS_WINDOW_MS = 30_000;
const HTML_GOAL_KB = 200;
const WEBHOOK_TOKEN = "bench-webhook-token-0123456789abcdef";
const WEBHOOK_EVENTS = [
  "job.scheduled",
  "job.started",
  "job.finished",
  "build.scheduled",
  "build.running",
  "build.finished",
];
const WEBHOOKS_UNAVAILABLE = "n/a (simulator webhooks unavailable)";
const LIST_CALLS = "GET /v3/stacks/:key/scheduled-jobs";
const WAIT = { timeout: 20_000 };

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));
const pct = (ratio: number) => `${(ratio * 100).toFixed(3)} %`;
/** Wall-clock milliseconds with sub-millisecond precision, comparable between this process and a page. */
const epochNow = () => performance.timeOrigin + performance.now();

type Server = Awaited<ReturnType<typeof startConsoleServer>>;

interface Env {
  sim: RunningSimulator;
  app: Server;
  browser: Browser;
}

const jobsPath = (env: Env) => `/api/v1/stacks/${env.sim.stackKey}/scheduled-jobs?queue=${env.sim.queueKey}&all=1`;
const queuePath = (env: Env) => `/api/v1/stacks/${env.sim.stackKey}/queue?queue=${env.sim.queueKey}`;
const eventsPath = (env: Env, since: number) =>
  `/api/v1/stacks/${env.sim.stackKey}/events?queue=${env.sim.queueKey}&since=${since}`;

async function listCalls(sim: RunningSimulator): Promise<number> {
  const body = (await (await fetch(`${sim.origin}/__sim/stats`)).json()) as { requests: Record<string, number> };
  return body.requests[LIST_CALLS] ?? 0;
}

async function listVersion(env: Env): Promise<number> {
  const body = (await (await fetch(env.app.origin + jobsPath(env))).json()) as { summary: { version: number } };
  return body.summary.version;
}

async function scheduleJobs(sim: RunningSimulator, body: { count: number; pipeline?: string }): Promise<string[]> {
  return ((await postJson(`${sim.origin}/__sim/jobs`, body)) as { ids: string[] }).ids;
}

async function finishJob(origin: string, sim: RunningSimulator, id: string): Promise<void> {
  await postJson(`${origin}/api/v1/stacks/${sim.stackKey}/jobs/${id}/finish`, {
    detail: "benchmark sample measured",
  });
}

const blockEventStream = (context: BrowserContext) =>
  context.route(
    (url) => url.pathname.endsWith("/events"),
    (route) => route.abort(),
  );

async function liveStatus(page: Page, expected: RegExp): Promise<void> {
  await page.locator('[data-testid="live-status"]').filter({ hasText: expected }).waitFor(WAIT);
}

// --- 1. Freshness ---------------------------------------------------------------------------------------

/** Notes when each job row first enters the DOM, as wall-clock time, for rows of any id. */
const ROWS_SEEN_SCRIPT = `
(() => {
  const seen = {};
  window.__rowsSeen = seen;
  const note = () => {
    for (const row of document.querySelectorAll('[data-testid="job-row"]')) {
      const id = row.getAttribute("data-job-id");
      if (id && !(id in seen)) seen[id] = performance.timeOrigin + performance.now();
    }
  };
  new MutationObserver(note).observe(document, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["data-job-id"],
  });
})();
`;

interface Viewer {
  label: string;
  page: Page;
  delays: number[];
}

async function openFreshnessViewer(
  env: Env,
  origin: string,
  label: string,
  status: RegExp,
  blockStream: boolean,
): Promise<Viewer> {
  const context = await env.browser.newContext({ ...devices["Desktop Chrome"] });
  if (blockStream) await blockEventStream(context);
  await context.addInitScript({ content: ROWS_SEEN_SCRIPT });
  const page = await context.newPage();
  await page.goto(`${origin}/stacks/${env.sim.stackKey}?queue=${env.sim.queueKey}&pipeline=${FRESH_PIPELINE}`);
  await liveStatus(page, status);
  return { label, page, delays: [] };
}

const rowSeenAt = (page: Page, id: string) =>
  page
    .waitForFunction((jobId) => (window as unknown as { __rowsSeen: Record<string, number> }).__rowsSeen[jobId], id, {
      ...WAIT,
      polling: 50,
    })
    .then((handle) => handle.jsonValue() as Promise<number>);

const rowGone = (page: Page, id: string) =>
  page.waitForFunction((jobId) => !document.querySelector(`[data-job-id="${jobId}"]`), id, { ...WAIT, polling: 50 });

/** Whether this simulator delivers webhooks: a body it cannot accept is refused as such, not as "no such route". */
async function simulatorDeliversWebhooks(sim: RunningSimulator): Promise<boolean> {
  const response = await fetch(`${sim.origin}/__sim/webhooks`, { method: "POST", body: "{}" });
  await response.arrayBuffer();
  return response.status !== 404;
}

/** Points the simulator's webhooks at the console; the reason, as the table prints it, when that fails. */
async function registerWebhooks(sim: RunningSimulator, origin: string): Promise<string | null> {
  const response = await fetch(`${sim.origin}/__sim/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      url: `${origin}/api/v1/webhooks/buildkite`,
      token: WEBHOOK_TOKEN,
      mode: "signature",
      events: WEBHOOK_EVENTS,
    }),
  });
  if (response.status === 404) return WEBHOOKS_UNAVAILABLE;
  if (!response.ok) return `n/a (simulator answered ${response.status}: ${(await response.text()).slice(0, 80)})`;
  return null;
}

async function measureFreshness(env: Env, webhookApp: Server | null, webhooksMissing: string | null) {
  for (const id of await scheduledJobIdsOf(env, FRESH_PIPELINE)) await finishJob(env.app.origin, env.sim, id);
  const viewers = [
    await openFreshnessViewer(
      env,
      env.app.origin,
      `polling every ${POLL_MS / 1000} s (stream refused)`,
      /Polling/,
      true,
    ),
    await openFreshnessViewer(env, env.app.origin, "event stream (server polls Buildkite)", /^Live$/, false),
  ];
  if (webhookApp)
    viewers.push(
      await openFreshnessViewer(env, webhookApp.origin, "event stream + webhooks", /Live · webhooks/, false),
    );
  await sleep(POLL_MS);
  let missed = 0;
  for (let sample = 0; sample < FRESH_SAMPLES; sample++) {
    // Anywhere in the poll interval, so neither the page's nor the server's polling phase is favoured.
    await sleep(Math.random() * POLL_MS);
    const scheduledAt = epochNow();
    const [id] = await scheduleJobs(env.sim, { count: 1, pipeline: FRESH_PIPELINE });
    if (id === undefined) throw new Error("the simulator scheduled no job");
    await Promise.all(
      viewers.map(async (viewer) => {
        try {
          viewer.delays.push((await rowSeenAt(viewer.page, id)) - scheduledAt);
        } catch {
          missed++;
        }
      }),
    );
    await finishJob(env.app.origin, env.sim, id);
    await Promise.all(viewers.map((viewer) => rowGone(viewer.page, id)));
  }
  for (const viewer of viewers) await viewer.page.context().close();

  const rows: Record<string, string | number>[] = viewers.map((viewer) => {
    const s = stats(viewer.delays);
    return {
      series: viewer.label,
      n: s.n,
      "p50 ms": ms(s.p50),
      "p95 ms": ms(s.p95),
      "max ms": ms(s.max),
      "p95 / polling p95": "",
      goal: "",
    };
  });
  if (webhooksMissing !== null)
    rows.push({ series: "event stream + webhooks", n: 0, "p50 ms": webhooksMissing, "p95 ms": "", "max ms": "" });
  const pollingP95 = stats(viewers[0]!.delays).p95;
  for (const [index, row] of rows.entries()) {
    const delays = viewers[index]?.delays;
    if (delays && index > 0) row["p95 / polling p95"] = ms(stats(delays).p95 / pollingP95);
    if (String(row.series).includes("webhooks")) row.goal = `p95 ≤ ${FRESH_GOAL_MS} ms`;
  }
  printTable(
    `Freshness: POST /__sim/jobs (1 job) → its row in the page's DOM, ${FRESH_SAMPLES} samples started at random points of the ${POLL_MS / 1000} s interval (server POLL_INTERVAL_MS=${POLL_MS}; rows not seen within ${WAIT.timeout / 1000} s: ${missed})`,
    rows,
  );
}

async function scheduledJobIdsOf(env: Env, pipeline: string): Promise<string[]> {
  const body = (await (await fetch(env.app.origin + jobsPath(env))).json()) as {
    data: { id: string; pipeline: { slug: string } }[];
  };
  return body.data.filter((job) => job.pipeline.slug.includes(pipeline)).map((job) => job.id);
}

// --- 2. Bytes on the wire ---------------------------------------------------------------------------------

interface PollTally {
  bytes: number;
  polls: number;
  notModified: number;
  etags: boolean;
}

/** Polls the list and the queue every interval for the window, as the stack page did; with `conditional`, If-None-Match. */
async function pollFor(env: Env, windowMs: number, conditional: boolean): Promise<PollTally> {
  const agent = new Agent({ keepAlive: true, maxSockets: 2 });
  const tally: PollTally = { bytes: 0, polls: 0, notModified: 0, etags: false };
  const etags = new Map<string, string>();
  const get = async (path: string) => {
    const etag = etags.get(path);
    const headers: Record<string, string> = { "accept-encoding": BROWSER_ENCODINGS, accept: "application/json" };
    if (conditional && etag) headers["if-none-match"] = etag;
    const answer = await rawGet(env.app.origin + path, headers, agent);
    tally.bytes += answer.wireBytes;
    if (answer.status === 304) tally.notModified++;
    const sent = answer.headers.etag;
    if (typeof sent === "string") {
      tally.etags = true;
      etags.set(path, sent);
    }
  };
  const start = Date.now();
  try {
    for (let tick = 0; tick * POLL_MS < windowMs; tick++) {
      await sleep(Math.max(0, start + tick * POLL_MS - Date.now()));
      await Promise.all([get(jobsPath(env)), get(queuePath(env))]);
      tally.polls++;
    }
    await sleep(Math.max(0, start + windowMs - Date.now()));
  } finally {
    agent.destroy();
  }
  return tally;
}

async function measureWireBytes(env: Env): Promise<void> {
  const since = await listVersion(env);
  const stream = await openRawEventStream(env.app.origin + eventsPath(env, since), {
    "accept-encoding": BROWSER_ENCODINGS,
  });
  if (stream.status !== 200) throw new Error(`the event stream answered ${stream.status}`);
  const [plain, conditional] = await Promise.all([
    pollFor(env, WIRE_WINDOW_MS, false),
    pollFor(env, WIRE_WINDOW_MS, true),
  ]);
  const streamBytes = stream.wireBytes();
  const changes = stream.changeVersions().length;
  stream.close();
  const perMinute = (bytes: number) => (bytes * 60_000) / WIRE_WINDOW_MS;
  const pollingPerMinute = perMinute(plain.bytes);
  printTable(
    `Bytes on the wire per viewer per minute, ${TARGET_JOBS} idle scheduled jobs (responses as received, headers included, accept-encoding: ${BROWSER_ENCODINGS}; ${WIRE_WINDOW_MS / 1000} s window scaled to 60 s, all series at once)`,
    [
      {
        series: `polling list (all=1) + queue every ${POLL_MS / 1000} s`,
        polls: plain.polls,
        "KB / min": kb(pollingPerMinute),
        "ratio to polling": "100.000 %",
        goal: "",
      },
      conditional.etags
        ? {
            series: "conditional polling (If-None-Match)",
            polls: conditional.polls,
            "304 answers": conditional.notModified,
            "KB / min": kb(perMinute(conditional.bytes)),
            "ratio to polling": pct(perMinute(conditional.bytes) / pollingPerMinute),
            goal: "",
          }
        : {
            series: "conditional polling (If-None-Match)",
            polls: conditional.polls,
            "KB / min": "n/a (no ETag header on either answer)",
            "ratio to polling": "",
            goal: "",
          },
      {
        series: `one event stream (change events: ${changes})`,
        polls: "",
        "KB / min": kb(perMinute(streamBytes)),
        "ratio to polling": pct(perMinute(streamBytes) / pollingPerMinute),
        goal: `< ${WIRE_GOAL * 100} %`,
      },
    ],
  );
}

// --- 3. Applying a change set -------------------------------------------------------------------------------

interface ApplySample {
  applyMs: number[];
  commitMs: number;
  parseMs: number;
  /** From the change reaching the page (event handled, or poll answer's headers) to the table's commit. */
  toCommitMs: number;
  longTasks: number[];
}

async function openTablePage(env: Env, blockStream: boolean): Promise<Page> {
  const context = await env.browser.newContext({ ...devices["Desktop Chrome"] });
  if (blockStream) await blockEventStream(context);
  await context.addInitScript({ content: PROBE_SCRIPT });
  const page = await context.newPage();
  await page.goto(`${env.app.origin}/stacks/${env.sim.stackKey}?queue=${env.sim.queueKey}`, { waitUntil: "load" });
  await liveStatus(page, blockStream ? /Polling/ : /^Live$/);
  // The HTML carries the first screen; the whole list follows it.
  await page.waitForFunction(
    (count) => Number(document.querySelector('[role="table"]')?.getAttribute("aria-rowcount") ?? 0) >= count,
    TARGET_JOBS - CHANGED_JOBS,
    WAIT,
  );
  await sleep(POLL_MS);
  return page;
}

const measureCount = (page: Page, name: string) =>
  page.evaluate((entry) => performance.getEntriesByName(entry, "measure").length, name);

async function clearMeasures(page: Page): Promise<void> {
  await resetProbe(page);
  await page.evaluate((name) => performance.clearMeasures(name), APPLY_MEASURE);
}

/** Waits until the page shows a change: a change set applied (streaming) and a table commit. */
async function changeLanded(page: Page, streaming: boolean): Promise<void> {
  await page.waitForFunction(
    ([apply, commit, needApply]) =>
      (!needApply || performance.getEntriesByName(apply, "measure").length > 0) &&
      performance.getEntriesByName(commit, "measure").length > 0,
    [APPLY_MEASURE, COMMIT_MEASURE, streaming] as const,
    WAIT,
  );
  await sleep(SETTLE_MS);
}

async function applyRound(env: Env, page: Page, streaming: boolean): Promise<ApplySample> {
  await clearMeasures(page);
  const ids = await scheduleJobs(env.sim, { count: CHANGED_JOBS });
  await changeLanded(page, streaming);
  const probe = await readProbe(page);
  const applies = await page.evaluate(
    (name) =>
      performance.getEntriesByName(name, "measure").map((entry) => ({ start: entry.startTime, ms: entry.duration })),
    APPLY_MEASURE,
  );
  const last = probe.commits[probe.commits.length - 1];
  const response = last ? [...probe.responses].reverse().find((r) => r.headersAt <= last.start) : undefined;
  const changeAt = streaming ? applies[0]?.start : response?.headersAt;
  const sample: ApplySample = {
    applyMs: applies.map((apply) => apply.ms),
    commitMs: probe.commits.reduce((sum, commit) => sum + commit.ms, 0),
    parseMs: response ? response.parseEnd - response.parseStart : Number.NaN,
    toCommitMs: last && changeAt !== undefined ? last.end - changeAt : Number.NaN,
    longTasks: probe.longTasks.map((task) => task.ms),
  };
  // Take the jobs out again (reserved jobs leave the list), so every round starts from the same 4950.
  await clearMeasures(page);
  await postJson(`${env.app.origin}/api/v1/stacks/${env.sim.stackKey}/reservations`, {
    jobIds: ids,
    expirySeconds: 3600,
  });
  await changeLanded(page, streaming);
  return sample;
}

async function measureApply(env: Env): Promise<void> {
  // A read holds the oldest 5000 jobs, so a queue already at 5000 would show no arrival: start each round
  // from 4950, add 50 and take them out again.
  const newest = (await scheduledJobIds(env.app.origin, env.sim)).slice(-CHANGED_JOBS);
  await postJson(`${env.app.origin}/api/v1/stacks/${env.sim.stackKey}/reservations`, {
    jobIds: newest,
    expirySeconds: 3600,
  });
  const series: { label: string; streaming: boolean; samples: ApplySample[] }[] = [
    { label: "event stream: change set applied", streaming: true, samples: [] },
    { label: `polling every ${POLL_MS / 1000} s (stream refused)`, streaming: false, samples: [] },
  ];
  for (const entry of series) {
    const page = await openTablePage(env, !entry.streaming);
    for (let round = 0; round < APPLY_ROUNDS; round++) entry.samples.push(await applyRound(env, page, entry.streaming));
    if (entry.streaming && (await measureCount(page, APPLY_MEASURE)) === 0)
      throw new Error("the stream page applied no change set");
    await page.context().close();
  }
  const rows = series.map(({ label, streaming, samples }) => {
    const handler = stats(samples.map((s) => (streaming ? s.applyMs.reduce((a, b) => a + b, 0) : s.parseMs)));
    const commit = stats(samples.map((s) => s.commitMs));
    const total = stats(
      samples.map((s) => s.commitMs + (streaming ? s.applyMs.reduce((a, b) => a + b, 0) : s.parseMs)),
    );
    const toCommit = stats(samples.map((s) => s.toCommitMs).filter(Number.isFinite));
    const tasks = samples.flatMap((s) => s.longTasks);
    return {
      series: label,
      n: commit.n,
      "change sets / round": streaming ? ms(stats(samples.map((s) => s.applyMs.length)).p50) : "",
      "handler p50 ms": ms(handler.p50),
      "handler p95 ms": ms(handler.p95),
      "commit p50 ms": ms(commit.p50),
      "commit p95 ms": ms(commit.p95),
      "handler + commit p95 ms": ms(total.p95),
      "change → committed p50 ms": ms(toCommit.p50),
      "change → committed p95 ms": ms(toCommit.p95),
      "long tasks ≥ 50 ms": tasks.length,
      "longest task ms": ms(Math.max(0, ...tasks)),
      goal: streaming ? `< ${APPLY_GOAL_MS} ms` : "",
    };
  });
  printTable(
    `${CHANGED_JOBS} jobs scheduled at once into a ${TARGET_JOBS - CHANGED_JOBS}-row table (then taken out again), ${APPLY_ROUNDS} rounds. Handler: "${APPLY_MEASURE}" (parse + apply + setQueryData) for the stream, body read + JSON parse of the answer that brought the change for polling; commit: "${COMMIT_MEASURE}"; change → committed: from the event handler's start (stream) or the poll answer's headers to the table's commit, including the page's own derived lists; long tasks from the POST to ${SETTLE_MS} ms after the commit`,
    rows,
  );
}

// --- 4. Many viewers on one instance ------------------------------------------------------------------------

async function measureViewers(env: Env): Promise<void> {
  const server = nextServerPid(env.app.pid);
  // One read of the whole queue takes several list pages: count them once, with no viewer and a stale copy.
  await sleep(POLL_MS + 500);
  const pagesBefore = await listCalls(env.sim);
  await scheduledJobIds(env.app.origin, env.sim);
  const pagesPerRead = (await listCalls(env.sim)) - pagesBefore;
  await postJson(`${env.sim.origin}/__sim/activity`, { on: true });
  await sleep(POLL_MS);
  const rssBefore = processRssMb(server);
  const since = await listVersion(env);
  const streams: RawEventStream[] = [];
  try {
    for (let i = 0; i < VIEWERS; i++)
      streams.push(await openRawEventStream(env.app.origin + eventsPath(env, since), {}));
    const deadline = Date.now() + 20_000;
    while (streams.some((stream) => stream.helloVersion() === null)) {
      if (Date.now() > deadline) throw new Error("not every viewer heard hello within 20 s");
      await sleep(100);
    }
    const refused = streams.filter((stream) => stream.status !== 200).length;
    const joinedAt = Math.max(...streams.map((stream) => stream.helloVersion() ?? 0));
    const callsBefore = await listCalls(env.sim);
    const cpuBefore = processCpuSeconds(server);
    await sleep(VIEWERS_WINDOW_MS);
    const cpu = processCpuSeconds(server) - cpuBefore;
    const calls = (await listCalls(env.sim)) - callsBefore;
    const rssAfter = processRssMb(server);
    await postJson(`${env.sim.origin}/__sim/activity`, { on: false });
    // The last change read before activity stopped reaches every viewer within an interval.
    await sleep(POLL_MS + 500);
    // Changes committed after the last viewer had joined: every viewer should have heard each of them once.
    const heard = streams.map((stream) => stream.changeVersions().filter((version) => version > joinedAt));
    const counts = heard.map((versions) => versions.length);
    const reference = JSON.stringify(heard[0]);
    const identical = heard.every((versions) => JSON.stringify(versions) === reference);
    const jobs = (await scheduledJobIds(env.app.origin, env.sim)).length;
    printTable(
      `${VIEWERS} event-stream viewers on one instance for ${VIEWERS_WINDOW_MS / 1000} s with simulator activity on (${jobs} scheduled jobs; POLL_INTERVAL_MS=${POLL_MS}; next-server process)`,
      [
        {
          "streams open (non-200)": `${streams.length} (${refused})`,
          "RSS before MB": ms(rssBefore),
          "RSS after MB": ms(rssAfter),
          "RSS per viewer KB": ms(((rssAfter - rssBefore) * 1024) / VIEWERS),
          "CPU s in window": ms(cpu),
          "CPU % of one core": ms((cpu * 100_000) / VIEWERS_WINDOW_MS),
          "upstream list calls": calls,
          "list pages per read": pagesPerRead,
          "reads per interval": ms(calls / Math.max(1, pagesPerRead) / (VIEWERS_WINDOW_MS / POLL_MS)),
          "change events per viewer (min–max)": `${Math.min(...counts)}–${Math.max(...counts)}`,
          "same changes, same order, everywhere": identical ? "yes" : "NO",
        },
      ],
    );
  } finally {
    for (const stream of streams) stream.close();
    await postJson(`${env.sim.origin}/__sim/activity`, { on: false });
  }
}

// --- 5. The page's HTML -------------------------------------------------------------------------------------

async function measureHtml(env: Env): Promise<void> {
  const sizes = async (path: string) => {
    const plain = await rawGet(env.app.origin + path, {});
    const gzip = await rawGet(env.app.origin + path, { "accept-encoding": "gzip" });
    if (plain.status !== 200 || gzip.status !== 200) throw new Error(`GET ${path} answered ${plain.status}`);
    return { plain: plain.body.length, gzip: gzip.body.length, encoded: gzip.headers["content-encoding"] ?? "none" };
  };
  const page = await sizes(`/stacks/${env.sim.stackKey}?queue=${env.sim.queueKey}`);
  const list = await sizes(jobsPath(env));
  printTable(`The stack page's HTML with ${TARGET_JOBS} scheduled jobs, beside the whole list it used to embed`, [
    {
      body: `GET /stacks/{key} (document)`,
      KB: kb(page.plain),
      "gzip KB": kb(page.gzip),
      "content-encoding asked gzip": page.encoded,
      "ratio to list": pct(page.plain / list.plain),
      goal: `< ${HTML_GOAL_KB} KB`,
    },
    {
      body: "GET scheduled-jobs?all=1 (the whole list)",
      KB: kb(list.plain),
      "gzip KB": kb(list.gzip),
      "content-encoding asked gzip": list.encoded,
      "ratio to list": "100.000 %",
      goal: "",
    },
  ]);
}

export async function livePush(): Promise<void> {
  // Rate limits off: 5000 jobs take several list pages a read, and the benchmark adds its own calls on top.
  const sim = await startSimulator({ seed: 42, activity: false, rateLimits: false });
  const env = { ...simulatorEnv(sim), POLL_INTERVAL_MS: String(POLL_MS) };
  const running: Server[] = [];
  let browser: Browser | null = null;
  try {
    // Only a simulator that delivers webhooks is worth a second console: ask before starting one.
    const delivers = await simulatorDeliversWebhooks(sim);
    const [app, webhookApp] = await Promise.all([
      startConsoleServer(env),
      delivers ? startConsoleServer({ ...env, BUILDKITE_WEBHOOK_TOKEN: WEBHOOK_TOKEN }) : null,
    ]);
    running.push(app);
    if (webhookApp) running.push(webhookApp);
    const webhooksMissing = webhookApp ? await registerWebhooks(sim, webhookApp.origin) : WEBHOOKS_UNAVAILABLE;
    browser = await chromium.launch(chromiumLaunchOptions());
    const bench: Env = { sim, app, browser };

    await measureFreshness(bench, webhooksMissing === null ? webhookApp : null, webhooksMissing);
    if (webhookApp) running.splice(running.indexOf(webhookApp), 1)[0]?.stop();

    await fillQueue(app.origin, sim, TARGET_JOBS);
    await measureHtml(bench);
    await measureWireBytes(bench);
    await measureApply(bench);
    await measureViewers(bench);
  } finally {
    await browser?.close();
    for (const server of running) server.stop();
    await sim.close();
  }
}
