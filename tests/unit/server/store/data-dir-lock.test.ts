import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { claimDataDir, DataDirInUseError } from "@/server/store/data-dir-lock";

// PGlite lets one process own a data directory; a second console on it would corrupt the audit log.

let dir: string;
const lock = () => join(dir, "console.pid");
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "stack-console-lock-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test("a claim writes this process's id and its release removes it", async () => {
  const release = await claimDataDir(dir);
  expect(await readFile(lock(), "utf8")).toBe(String(process.pid));
  await release();
  await expect(readFile(lock(), "utf8")).rejects.toMatchObject({ code: "ENOENT" });
});

test("a directory claimed by another live process is refused, naming it, and its claim is left alone", async () => {
  await writeFile(lock(), String(process.ppid));
  const refusal = await claimDataDir(dir).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(DataDirInUseError);
  expect((refusal as DataDirInUseError).pid).toBe(process.ppid);
  expect((refusal as Error).message).toMatch(/DATA_DIR .* is in use by another console/);
  expect(await readFile(lock(), "utf8")).toBe(String(process.ppid));
});

test.each([
  ["a process that is gone", "2147483646"],
  ["this very process id (a container restarted as the same pid)", String(process.pid)],
  ["an unreadable id", "garbage"],
])("a claim left by %s is taken over", async (_what, owner) => {
  await writeFile(lock(), owner);
  const release = await claimDataDir(dir);
  expect(await readFile(lock(), "utf8")).toBe(String(process.pid));
  await release();
});
