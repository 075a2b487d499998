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

/** A process's start time as Linux records it, which makes a process id unambiguous. */
async function startTime(pid: number): Promise<string> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? "";
}

test("a claim writes this process's id and start time, and its release removes it", async () => {
  const release = await claimDataDir(dir);
  expect(await readFile(lock(), "utf8")).toBe(`${process.pid} ${await startTime(process.pid)}`);
  await release();
  await expect(readFile(lock(), "utf8")).rejects.toMatchObject({ code: "ENOENT" });
});

test("a directory claimed by another live process is refused, naming it, and its claim is left alone", async () => {
  const claim = `${process.ppid} ${await startTime(process.ppid)}`;
  await writeFile(lock(), claim);
  const refusal = await claimDataDir(dir).catch((error: unknown) => error);
  expect(refusal).toBeInstanceOf(DataDirInUseError);
  expect((refusal as DataDirInUseError).pid).toBe(process.ppid);
  expect((refusal as Error).message).toMatch(/DATA_DIR .* is in use by another console/);
  expect(await readFile(lock(), "utf8")).toBe(claim);
});

test.each([
  ["a process that is gone", "2147483646"],
  ["an id now used by another process that started later", `${process.ppid} 1`],
  ["this very process id (a container restarted as the same pid)", String(process.pid)],
  ["an unreadable id", "garbage"],
])("a claim left by %s is taken over", async (_what, owner) => {
  await writeFile(lock(), owner);
  const release = await claimDataDir(dir);
  expect(await readFile(lock(), "utf8")).toMatch(new RegExp(`^${process.pid} `));
  await release();
});
