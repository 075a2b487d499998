import { bodyLine, colourLine, footerLines, headerLines, logKind, stamp, type LogKind } from "./log-lines";
import { TERMINAL_JOB_STATES, type Job } from "./model";
import { createRandom } from "./random";
import type { SimState } from "./state";

/** A job's raw log as it stands now: its size and a stream of any byte range, computed lazily. */
export interface LogSource {
  size: number;
  /** The job can no longer write to its log. */
  final: boolean;
  /** Bytes `[start, end)`. */
  stream(start: number, end: number): ReadableStream<Uint8Array>;
}

const LINE_END = "\r\n";
/** A finished job's log is capped; a running one grows by a line every `stepMs` until this many lines. */
const MAX_FINISHED_LINES = 4_000;
const MAX_GROWING_LINES = 20_000;

/** 1600 blocks of 64 KiB (100 MiB) of verbose test output, each computed from its index alone. */
export const LARGE_LOG_BLOCK = 64 * 1024;
export const LARGE_LOG_BLOCKS = 1_600;

/** Only script jobs have logs; null for waiters, block steps and triggers. */
export function jobLog(state: SimState, job: Job, now: number): LogSource | null {
  if (job.type !== "script") return null;
  if (job.logProfile === "large" && job.startedAt !== null && job.finishedAt !== null) return largeLog(state, job);
  return bytesSource(standardLog(state, job, now), isFinal(job));
}

export function jobLogSize(state: SimState, job: Job, now: number): number | null {
  return jobLog(state, job, now)?.size ?? null;
}

function isFinal(job: Job): boolean {
  return TERMINAL_JOB_STATES.has(job.state);
}

function seedOf(job: Job): number {
  return Number.parseInt(job.uuid.replaceAll("-", "").slice(0, 8), 16) >>> 0;
}

function lineRandom(seed: number, i: number) {
  return createRandom((seed + Math.imul(i + 1, 0x9e3779b1)) >>> 0);
}

interface LineCache {
  header: string[];
  body: string[];
  assembled: { key: string; bytes: Buffer } | null;
}

const lineCaches = new WeakMap<Job, LineCache>();

function header(state: SimState, job: Job, kind: LogKind): string[] {
  const build = state.builds.get(job.buildUuid);
  const pipeline = state.pipelines.get(job.pipelineSlug);
  const random = createRandom(seedOf(job) ^ 0x5bd1e995);
  return headerLines(random, {
    agent: job.agentName ?? "agent",
    pipeline: job.pipelineSlug,
    repository: pipeline?.repository ?? "",
    commit: build?.commit ?? "",
    message: build?.message ?? "",
    command: job.command,
    docker: kind !== "go" && kind !== "xcode",
  });
}

function outcome(job: Job): "passed" | "failed" | "timed_out" | "canceled" {
  if (job.state === "timed_out" || job.state === "canceled") return job.state;
  return job.state === "finished" && job.exitStatus === 0 ? "passed" : "failed";
}

/**
 * Header at the start time, then one body line every `stepMs` up to now (or the finish), then the footer
 * once the job is over. Lines never change once written, so a running job's log only ever grows.
 */
function standardLog(state: SimState, job: Job, now: number): Buffer {
  const startedAt = job.startedAt;
  if (startedAt === null) return Buffer.alloc(0);
  const seed = seedOf(job);
  const kind = logKind(job.label, job.command);
  let cache = lineCaches.get(job);
  if (cache === undefined) {
    cache = { header: header(state, job, kind), body: [], assembled: null };
    lineCaches.set(job, cache);
  }
  const final = isFinal(job);
  const stepMs = 250 + (seed % 650);
  const bodyStart = startedAt + cache.header.length * 300 + 1_000;
  const until = final ? (job.finishedAt ?? now) : now;
  const count = Math.max(
    0,
    Math.min(final ? MAX_FINISHED_LINES : MAX_GROWING_LINES, Math.floor((until - bodyStart) / stepMs) + 1),
  );
  const key = `${count}|${final ? job.state : ""}|${job.exitStatus ?? ""}`;
  if (cache.assembled?.key === key) return cache.assembled.bytes;

  for (let i = cache.body.length; i < count; i++) {
    const random = lineRandom(seed, i);
    const text = job.logProfile === "colour" ? colourLine(random, i) : bodyLine(kind, random, i);
    cache.body.push(stamp(bodyStart + i * stepMs, i) + text + LINE_END);
  }
  const parts = cache.header.map((line, i) => stamp(startedAt + i * 300, i) + line + LINE_END);
  parts.push(...cache.body.slice(0, count));
  if (final) {
    const footer = footerLines(kind, outcome(job), job.exitStatus);
    // After the last body line, ending at the finish when there is room.
    const from = Math.max(bodyStart + count * stepMs, (job.finishedAt ?? now) - footer.length * 40);
    footer.forEach((line, i) => parts.push(stamp(from + i * 40, i) + line + LINE_END));
  }
  const bytes = Buffer.from(parts.join(""));
  cache.assembled = { key, bytes };
  return bytes;
}

function bytesSource(bytes: Buffer, final: boolean): LogSource {
  return {
    size: bytes.length,
    final,
    stream: (start, end) =>
      new ReadableStream({
        start(controller) {
          if (end > start) controller.enqueue(new Uint8Array(bytes.subarray(start, end)));
          controller.close();
        },
      }),
  };
}

interface LargeLog {
  header: Buffer;
  footer: Buffer;
  startedAt: number;
  blockMs: number;
}

const largeLogs = new WeakMap<Job, LargeLog>();
/** The few most recent blocks, so a tail read followed by a chunk read does not compute them twice. */
const blockCache = new Map<string, Buffer>();
const BLOCK_CACHE_SIZE = 8;

/** Header and footer as usual around 100 MiB of blocks; sizes are known without computing any block. */
function largeLog(state: SimState, job: Job): LogSource {
  let log = largeLogs.get(job);
  const startedAt = job.startedAt ?? 0;
  if (log === undefined) {
    const lines = header(state, job, "jest");
    const headerBytes = Buffer.from(lines.map((line, i) => stamp(startedAt + i * 300, i) + line + LINE_END).join(""));
    const finishedAt = job.finishedAt ?? startedAt;
    const footer = footerLines("jest", "passed", 0);
    const footerBytes = Buffer.from(
      footer.map((line, i) => stamp(finishedAt - (footer.length - i) * 40 + 40, i) + line + LINE_END).join(""),
    );
    const bodyStart = startedAt + lines.length * 300 + 1_000;
    log = {
      header: headerBytes,
      footer: footerBytes,
      startedAt: bodyStart,
      blockMs: Math.max(1, (finishedAt - bodyStart - 1_000) / LARGE_LOG_BLOCKS),
    };
    largeLogs.set(job, log);
  }
  const { header: head, footer } = log;
  const blocksEnd = head.length + LARGE_LOG_BLOCKS * LARGE_LOG_BLOCK;
  const size = blocksEnd + footer.length;
  const seed = seedOf(job);
  const source = log;
  function* chunks(start: number, end: number): Generator<Uint8Array> {
    if (start < head.length) yield head.subarray(start, Math.min(end, head.length));
    const first = Math.max(0, Math.floor((start - head.length) / LARGE_LOG_BLOCK));
    for (let index = first; index < LARGE_LOG_BLOCKS; index++) {
      const blockStart = head.length + index * LARGE_LOG_BLOCK;
      if (blockStart >= end) break;
      const block = largeBlock(job.uuid, seed, index, source);
      yield block.subarray(Math.max(0, start - blockStart), Math.min(LARGE_LOG_BLOCK, end - blockStart));
    }
    if (end > blocksEnd) yield footer.subarray(Math.max(0, start - blocksEnd), end - blocksEnd);
  }
  return {
    size,
    final: true,
    stream: (start, end) => {
      const iterator = chunks(start, end);
      return new ReadableStream(
        {
          pull(controller) {
            const next = iterator.next();
            if (next.done === true) controller.close();
            else if (next.value.length > 0) controller.enqueue(new Uint8Array(next.value));
          },
        },
        { highWaterMark: 0 },
      );
    },
  };
}

/** Block `index`: whole lines of verbose jest output, padded with one filler line to exactly the block size. */
function largeBlock(uuid: string, seed: number, index: number, log: LargeLog): Buffer {
  // The start time is part of the key: after a reset the same job starts at another instant.
  const key = `${uuid}:${log.startedAt}:${index}`;
  const cached = blockCache.get(key);
  if (cached !== undefined) return cached;
  const random = lineRandom(seed, index);
  const lines: string[] = [];
  let bytes = 0;
  const t0 = log.startedAt + index * log.blockMs;
  let line = 0;
  const push = (text: string) => {
    const full = stamp(t0 + (line * log.blockMs) / 600, line) + text + LINE_END;
    line++;
    lines.push(full);
    bytes += Buffer.byteLength(full);
  };
  if (index % 16 === 0)
    push(
      `--- :jest: ${"\x1b[1m"}src/module-${index / 16}${"\x1b[0m"} ${"\x1b[2m"}(suite ${index / 16 + 1} of ${LARGE_LOG_BLOCKS / 16})${"\x1b[0m"}`,
    );
  while (LARGE_LOG_BLOCK - bytes > 300) push(bodyLine("jest", random, (line % 39) + 1));
  // Exact fit: the filler's visible text takes whatever room is left.
  const prefix = stamp(t0 + log.blockMs - 1, line);
  const room = LARGE_LOG_BLOCK - bytes - Buffer.byteLength(prefix) - LINE_END.length;
  const filler = `    console.log src/module-${index}/debug.ts:${index % 300}`.padEnd(room, ".").slice(0, room);
  lines.push(prefix + filler + LINE_END);
  const block = Buffer.from(lines.join(""));
  if (block.length !== LARGE_LOG_BLOCK) throw new Error(`large log block ${index} is ${block.length} bytes`);
  blockCache.set(key, block);
  if (blockCache.size > BLOCK_CACHE_SIZE) blockCache.delete(blockCache.keys().next().value ?? "");
  return block;
}
