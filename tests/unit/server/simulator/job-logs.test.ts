import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { artifactSha1, artifactSize, artifactStream } from "@/server/simulator/artifacts";
import { jobLog, LARGE_LOG_BLOCK, LARGE_LOG_BLOCKS } from "@/server/simulator/job-logs";
import type { Job } from "@/server/simulator/model";
import { seedState } from "@/server/simulator/seed";

const START = 1_795_000_000_000;

async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

function showcase() {
  const state = seedState({ seed: 42, initialScheduledJobs: 10, startMs: START });
  const ids = state.fixtures;
  if (ids === null) throw new Error("no fixtures");
  const job = (id: string): Job => {
    const found = state.jobs.get(id);
    if (found === undefined) throw new Error(`no job ${id}`);
    return found;
  };
  return { state, ids, job };
}

describe("the 100 MB log", () => {
  it("is at least 100 MiB, known without computing a block, and any range reads the same bytes", async () => {
    const { state, ids, job } = showcase();
    const log = jobLog(state, job(ids.jobs.largeLog), START);
    if (log === null) throw new Error("no log");
    expect(log.size).toBeGreaterThanOrEqual(LARGE_LOG_BLOCKS * LARGE_LOG_BLOCK);
    expect(log.final).toBe(true);
    // A span across the header, two block boundaries and into a third block…
    const span = await bytesOf(log.stream(0, 3 * LARGE_LOG_BLOCK));
    expect(span.length).toBe(3 * LARGE_LOG_BLOCK);
    // …equals the same bytes read in pieces that start and end mid-block.
    const cut = [0, 1_000, LARGE_LOG_BLOCK + 17, 2 * LARGE_LOG_BLOCK + 5_000, 3 * LARGE_LOG_BLOCK];
    const pieces = await Promise.all(cut.slice(1).map((end, i) => bytesOf(log.stream(cut[i] ?? 0, end))));
    expect(Buffer.concat(pieces).equals(span)).toBe(true);
    // Every line is whole and timestamped, block boundaries included.
    const text = span.toString();
    expect(
      text
        .split("\r\n")
        .slice(1, -1)
        .every((line) => line.startsWith("\x1b_bk;t=")),
    ).toBe(true);
    const tail = await bytesOf(log.stream(log.size - 4_096, log.size));
    expect(tail.toString()).toMatch(/pre-exit\r\n$/);
  });
});

describe("standard logs", () => {
  it("only grow while a job runs, and gain their footer when it ends", async () => {
    const { state, ids, job } = showcase();
    const growing = job(ids.jobs.growingLog);
    const read = (now: number) => {
      const log = jobLog(state, growing, now);
      if (log === null) throw new Error("no log");
      return log;
    };
    const early = read(START);
    const later = read(START + 60_000);
    expect(early.final).toBe(false);
    expect(later.size).toBeGreaterThan(early.size);
    const before = await bytesOf(later.stream(0, later.size));
    state.complete(growing, 1, START + 90_000);
    const ended = read(START + 200_000);
    expect(ended.final).toBe(true);
    const after = await bytesOf(ended.stream(0, ended.size));
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.toString()).toContain("The command exited with status 1");
  });

  it("are empty before a job starts and absent for jobs that are not scripts", () => {
    const { state, ids, job } = showcase();
    expect(jobLog(state, job(ids.jobs.scheduledJob), START)?.size).toBe(0);
    expect(jobLog(state, job(ids.jobs.waiterJob), START)).toBeNull();
    expect(jobLog(state, job(ids.jobs.triggerJob), START)).toBeNull();
  });
});

describe("artifacts", () => {
  it("have sha1 sums of exactly the bytes they stream", async () => {
    const { state } = showcase();
    const small = [...state.artifacts.values()].filter((record) => record.kind !== "large");
    expect(new Set(small.map((record) => record.kind))).toEqual(new Set(["text", "json", "html", "junit", "png"]));
    for (const record of small) {
      const bytes = await bytesOf(artifactStream(record));
      expect(bytes.length).toBe(artifactSize(record));
      expect(createHash("sha1").update(bytes).digest("hex")).toBe(artifactSha1(record));
    }
  });
});
