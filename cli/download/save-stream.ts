import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

export type Saved = { ok: true; bytes: number; sha1: string } | { ok: false; reason: string };

/**
 * Streams `body` to a temporary file beside `target`, hashing it on the way, and moves it into place only
 * when its sha1 is the one Buildkite reported: a partial or corrupt file is removed, never left behind.
 */
export async function saveVerified(
  body: Readable,
  target: string,
  expectedSha1: string | null,
  onBytes: (count: number) => void,
): Promise<Saved> {
  const hash = createHash("sha1");
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const temporary = `${target}.bkci-${process.pid}.part`;
  try {
    // `wx`: the temporary name is new, so nothing (a symlink planted there) is written through.
    await pipeline(body, measure, createWriteStream(temporary, { flags: "wx", mode: 0o644 }));
  } catch (error) {
    await rm(temporary, { force: true });
    return { ok: false, reason: `the download broke off: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sha1 = hash.digest("hex");
  if (expectedSha1 !== null && sha1 !== expectedSha1.toLowerCase()) {
    await rm(temporary, { force: true });
    return { ok: false, reason: `sha1 mismatch: Buildkite reported ${expectedSha1}, the bytes hash to ${sha1}` };
  }
  await rename(temporary, target);
  return { ok: true, bytes, sha1 };
}
