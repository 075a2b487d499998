import { describe, expect, it } from "vitest";
import { jobPath, withRestHarness, type Harness, type JobFixture, type SimFixtures } from "./sim-harness";

let h: Harness;
let fx: SimFixtures;
withRestHarness((harness, fixtures) => {
  h = harness;
  fx = fixtures;
});

interface LogJson {
  url: string;
  content: string;
  size: number;
  header_times: number[];
}

const log = (job: JobFixture, suffix = "log", init: RequestInit = {}) => h.rest(`${jobPath(job)}/${suffix}`, init);
const text = async (job: JobFixture) => (await log(job, "log.txt")).text();
const MiB = 1024 * 1024;

describe("job log formats", () => {
  it("answers JSON {url, content, size, header_times} by default, the raw text with Accept: text/plain or .txt", async () => {
    const response = await log(fx.failedJob);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as LogJson;
    expect(body.url).toBe(`${h.sim.restApiUrl}${jobPath(fx.failedJob)}/log`);
    expect(body.header_times).toEqual([]);
    const raw = await text(fx.failedJob);
    expect(body.content).toBe(raw);
    expect(body.size).toBe(Buffer.byteLength(raw));

    const viaAccept = await log(fx.failedJob, "log", { headers: { Accept: "text/plain" } });
    expect(viaAccept.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await viaAccept.text()).toBe(raw);
  });

  it("serves the org-scoped job log path too", async () => {
    const response = await h.rest(`/organizations/acme/jobs/${fx.failedJob.jobId}/log.txt`);
    expect(await response.text()).toBe(await text(fx.failedJob));
  });

  it("answers HEAD with the raw size and Accept-Ranges, even for the 100 MB log", async () => {
    const small = await log(fx.failedJob, "log", { method: "HEAD" });
    expect(small.headers.get("accept-ranges")).toBe("bytes");
    expect(Number(small.headers.get("content-length"))).toBe(Buffer.byteLength(await text(fx.failedJob)));
    const big = await log(fx.largeLog, "log.txt", { method: "HEAD" });
    expect(Number(big.headers.get("content-length"))).toBeGreaterThanOrEqual(100 * MiB);
    expect(Number(big.headers.get("content-length"))).toBe(fx.largeLog.bytes);
  });

  it("serves a tail with Range: bytes=-N as 206 with Content-Range", async () => {
    const raw = Buffer.from(await text(fx.failedJob));
    const response = await log(fx.failedJob, "log", { headers: { Accept: "text/plain", Range: "bytes=-500" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${raw.length - 500}-${raw.length - 1}/${raw.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(raw.subarray(raw.length - 500))).toBe(true);

    const whole = await log(fx.failedJob, "log.txt", { headers: { Range: `bytes=-${raw.length + 10}` } });
    expect(whole.status).toBe(206);
    expect(whole.headers.get("content-range")).toBe(`bytes 0-${raw.length - 1}/${raw.length}`);
  });

  it("tails the 100 MB log without sending it all, ending in whole lines", async () => {
    const total = fx.largeLog.bytes ?? 0;
    const response = await log(fx.largeLog, "log.txt", { headers: { Range: "bytes=-262144" } });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe(`bytes ${total - 262_144}-${total - 1}/${total}`);
    const tail = await response.text();
    expect(tail.endsWith("\r\n")).toBe(true);
    expect(tail).toContain("Tests:");
    // A range in the middle (a block boundary falls inside it) is plain, well-formed log text.
    const middle = await log(fx.largeLog, "log.txt", { headers: { Range: `bytes=-${total - 50 * MiB}` } });
    const reader = middle.body?.getReader();
    const first = await reader?.read();
    await reader?.cancel();
    expect(Buffer.from(first?.value ?? []).toString()).toMatch(/\x1b_bk;t=\d+/);
  });

  it("refuses non-suffix ranges with 400 and answers 416 for an empty log", async () => {
    for (const range of ["bytes=0-99", "bytes=100-", "bytes=-10,-20", "lines=-5"]) {
      const response = await log(fx.failedJob, "log.txt", { headers: { Range: range } });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/suffix/);
    }
    const empty = await log(fx.scheduledJob, "log.txt");
    expect(empty.status).toBe(200);
    expect(await empty.text()).toBe("");
    const unsatisfiable = await log(fx.scheduledJob, "log.txt", { headers: { Range: "bytes=-100" } });
    expect(unsatisfiable.status).toBe(416);
    expect(unsatisfiable.headers.get("content-range")).toBe("bytes */0");
  });

  it("has logs only for script jobs", async () => {
    for (const job of [fx.waiterJob, fx.manualJob, fx.triggerJob]) {
      const response = await log(job);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { message: string }).message).toBe("Only command jobs have logs");
    }
  });

  it("needs read_build_logs", async () => {
    expect((await log(fx.failedJob, "log.txt", {})).status).toBe(200);
    expect((await h.rest(`${jobPath(fx.failedJob)}/log.txt`, {}, "bkua_unknown")).status).toBe(401);
  });
});

describe("job log content", () => {
  it("is realistic: bk timestamps (BEL and ESC \\ ended), groups, colours, \\r redraws, cursor-up, OSC 8 links, CRLF and [REDACTED]", async () => {
    const raw = await text(fx.failedJob);
    const lines = raw.split("\r\n").slice(0, -1);
    expect(lines.length).toBeGreaterThan(50);
    expect(lines.every((line) => /^\x1b_bk;t=\d{13}(\x07|\x1b\\)/.test(line))).toBe(true);
    expect(raw).toContain("\x1b\\");
    const visible = lines.map((line) => line.replace(/^\x1b_bk;t=\d+(\x07|\x1b\\)/, ""));
    for (const prefix of ["~~~ ", "--- ", "+++ ", "^^^ +++"])
      expect(visible.some((line) => line.startsWith(prefix))).toBe(true);
    expect(visible.some((line) => /^--- :jest:/.test(line))).toBe(true);
    expect(raw).toMatch(/\x1b\[3[0-7]m/);
    expect(raw).toMatch(/[^\n]\r[^\n]/);
    expect(raw).toMatch(/\x1b\[\d+A\x1b\[2K/);
    expect(raw).toMatch(/\x1b\]8;;https:\/\/github\.com\/acme\/web\/commit\/[0-9a-f]{40}\x07/);
    expect(raw).toContain("[REDACTED]");
    expect(raw).toMatch(/🚨 Error: The command exited with status 1\x1b\[0m\r\n.*pre-exit/s);
    expect(visible.slice(-2)).toEqual(["~~~ Running global pre-exit hook", "$ /etc/buildkite-agent/hooks/pre-exit"]);
  });

  it("has a colour-heavy log with 256-colour, truecolour, bright colours and an inert-worthy javascript: link", async () => {
    const raw = await text(fx.colourLog);
    expect(raw).toMatch(/\x1b\[38;5;\d+m/);
    expect(raw).toMatch(/\x1b\[48;5;\d+m/);
    expect(raw).toMatch(/\x1b\[38;2;\d+;\d+;\d+m/);
    expect(raw).toMatch(/\x1b\[9[0-7]m/);
    expect(raw).toContain("\x1b]8;;javascript:alert(document.cookie)\x07");
  });

  it("ends timed-out and canceled jobs' logs the way the agent does", async () => {
    expect(await text(fx.timedOutJob)).toContain("The command was interrupted by a signal: terminated");
    expect(await text(fx.canceledBuildJob)).toContain("Received cancellation signal");
  });

  it("grows a running job's log with time, only ever appending", async () => {
    const before = await text(fx.growingLog);
    await h.control("clock", { advanceMs: 30_000 });
    const after = await text(fx.growingLog);
    expect(after.length).toBeGreaterThan(before.length);
    expect(after.startsWith(before)).toBe(true);
    expect(after).not.toContain("pre-exit");
  });

  it("is the same for the same seed, but for times, which follow the start instant", async () => {
    const untimed = async () => (await text(fx.colourLog)).replace(/\x1b_bk;t=\d+/g, "");
    const first = await untimed();
    await h.control("reset");
    expect(await untimed()).toBe(first);
  });
});
