import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { deflateSync } from "node:zlib";
import { createRandom } from "./random";

export const ARTIFACT_STATES = ["new", "error", "finished", "deleted", "expired"] as const;
export type ArtifactState = (typeof ARTIFACT_STATES)[number];

/** What an artifact's bytes are; each kind is a pure function of the artifact's seed. */
export type ArtifactKind = "text" | "json" | "html" | "junit" | "png" | "large";

export interface ArtifactRecord {
  id: string;
  jobUuid: string;
  buildUuid: string;
  path: string;
  mimeType: string;
  state: ArtifactState;
  kind: ArtifactKind;
  seed: number;
}

/** 1600 blocks of 64 KiB: 100 MiB, generated block by block so it is never whole in memory. */
export const LARGE_ARTIFACT_BLOCK = 64 * 1024;
export const LARGE_ARTIFACT_BLOCKS = 1600;
export const LARGE_ARTIFACT_BYTES = LARGE_ARTIFACT_BLOCK * LARGE_ARTIFACT_BLOCKS;

const smallCache = new WeakMap<ArtifactRecord, Buffer>();
const sha1Cache = new WeakMap<ArtifactRecord, string>();

export function artifactSize(record: ArtifactRecord): number {
  return record.kind === "large" ? LARGE_ARTIFACT_BYTES : smallBytes(record).length;
}

/** Computed once per artifact; for the large one by streaming its blocks through the hash. */
export function artifactSha1(record: ArtifactRecord): string {
  let sum = sha1Cache.get(record);
  if (sum === undefined) {
    const hash = createHash("sha1");
    if (record.kind === "large")
      for (let i = 0; i < LARGE_ARTIFACT_BLOCKS; i++) hash.update(largeBlock(record.seed, i));
    else hash.update(smallBytes(record));
    sum = hash.digest("hex");
    sha1Cache.set(record, sum);
  }
  return sum;
}

/**
 * The same sum, computed without holding the event loop for the whole 100 MB (in the demo the simulator
 * shares its process with the app): it yields between batches of blocks. Callers await this before
 * building views, which then read the cached sum.
 */
export async function ensureArtifactSha1(record: ArtifactRecord): Promise<string> {
  const cached = sha1Cache.get(record);
  if (cached !== undefined) return cached;
  if (record.kind !== "large") return artifactSha1(record);
  const hash = createHash("sha1");
  for (let i = 0; i < LARGE_ARTIFACT_BLOCKS; i++) {
    hash.update(largeBlock(record.seed, i));
    if (i % 64 === 63) await yieldToEventLoop();
  }
  const sum = sha1Cache.get(record) ?? hash.digest("hex");
  sha1Cache.set(record, sum);
  return sum;
}

/** The artifact's bytes as a stream that computes each block only when the reader asks for it. */
export function artifactStream(record: ArtifactRecord): ReadableStream<Uint8Array> {
  if (record.kind !== "large") {
    const bytes = smallBytes(record);
    return new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }
  let index = 0;
  return new ReadableStream(
    {
      pull(controller) {
        if (index >= LARGE_ARTIFACT_BLOCKS) {
          controller.close();
          return;
        }
        controller.enqueue(largeBlock(record.seed, index++));
      },
    },
    { highWaterMark: 0 },
  );
}

/** Incompressible bytes (a tarball of build output is mostly compressed data) from a per-block xorshift. */
function largeBlock(seed: number, index: number): Uint8Array {
  const words = new Uint32Array(LARGE_ARTIFACT_BLOCK / 4);
  let x = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    words[i] = x;
  }
  return new Uint8Array(words.buffer);
}

function smallBytes(record: ArtifactRecord): Buffer {
  let bytes = smallCache.get(record);
  if (bytes === undefined) {
    bytes = generateSmall(record);
    smallCache.set(record, bytes);
  }
  return bytes;
}

function generateSmall(record: ArtifactRecord): Buffer {
  const random = createRandom(record.seed);
  switch (record.kind) {
    case "json": {
      const files = Array.from({ length: 24 }, (_, i) => ({
        file: `src/${random.pick(["checkout", "cart", "auth", "search", "profile"])}/${random.alphanumeric(8)}-${i}.ts`,
        lines: { total: random.int(40, 900), covered: random.int(20, 40), pct: random.int(55, 100) },
      }));
      return Buffer.from(
        `${JSON.stringify({ total: { lines: { pct: 84.2 }, branches: { pct: 71.9 } }, files }, null, 2)}\n`,
      );
    }
    case "html": {
      const rows = Array.from(
        { length: 30 },
        (_, i) => `<tr><td>src/module-${i}.ts</td><td>${random.int(50, 100)}%</td></tr>`,
      ).join("\n");
      return Buffer.from(
        `<!doctype html>\n<html><head><meta charset="utf-8"><title>Coverage report</title></head>\n<body><h1>All files</h1>\n<table>\n${rows}\n</table></body></html>\n`,
      );
    }
    case "junit": {
      const cases = Array.from({ length: 40 }, (_, i) => {
        const name = `Checkout ${random.pick(["applies discount", "totals the cart", "rejects expired cards", "keeps the basket"])} #${i}`;
        const time = (random.int(5, 2_000) / 1000).toFixed(3);
        return i === 7
          ? `    <testcase classname="checkout.cart" name="${name}" time="${time}">\n      <failure message="expected 90 to be 81">AssertionError: expected 90 to be 81\n    at cart.test.ts:42:17</failure>\n    </testcase>`
          : `    <testcase classname="checkout.cart" name="${name}" time="${time}"/>`;
      }).join("\n");
      return Buffer.from(
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="40" failures="1">\n  <testsuite name="checkout" tests="40" failures="1">\n${cases}\n  </testsuite>\n</testsuites>\n`,
      );
    }
    case "png":
      return tinyPng(random.int(0, 0xffffff));
    case "text":
    case "large": {
      const lines = Array.from(
        { length: 60 },
        (_, i) =>
          `${String(i + 1).padStart(3, " ")}  ${random.pick(["info", "info", "warn", "debug"])}  ${random.alphanumeric(random.int(20, 70))}`,
      );
      return Buffer.from(`${lines.join("\n")}\n`);
    }
  }
}

/** A real 16×16 single-colour PNG, so an image viewer (or a test) can decode it. */
function tinyPng(rgb: number): Buffer {
  const size = 16;
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.writeUIntBE(rgb, 1 + x * 3, 3);
  const raw = Buffer.concat(Array.from({ length: size }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(2, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
