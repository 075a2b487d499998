import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plannedPath, preparedPath } from "@/cli/download/safe-path";

describe("plannedPath", () => {
  it.each([
    ["reports/junit.xml", "reports/junit.xml"],
    ["./coverage/index.html", "coverage/index.html"],
    ["a/./b.txt", "a/b.txt"],
  ])("keeps %s inside the output directory", (artifactPath, expected) => {
    expect(plannedPath("out", artifactPath)).toEqual({ ok: true, path: resolve("out", expected) });
  });

  it.each([
    ["../escape.txt", "climbs out"],
    ["reports/../../escape.txt", "climbs out"],
    ["..\\escape.txt", "climbs out"],
    ["/etc/passwd", "absolute"],
    ["C:/Windows/win.ini", "absolute"],
    ["", "no usable path"],
    [".", "outside"],
    ["a\0b", "no usable path"],
  ])("refuses %j", (artifactPath, reason) => {
    const planned = plannedPath("out", artifactPath);
    expect(planned.ok).toBe(false);
    if (!planned.ok) expect(planned.reason).toContain(reason);
  });
});

describe("preparedPath", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "bkci-safe-path-"));
    await mkdir(join(root, "out"));
    await mkdir(join(root, "elsewhere"));
    await symlink(join(root, "elsewhere"), join(root, "out", "linked"));
    await writeFile(join(root, "elsewhere", "target.txt"), "");
    await symlink(join(root, "elsewhere", "target.txt"), join(root, "out", "file-link.txt"));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("makes the directories of a path inside the output directory", async () => {
    const out = join(root, "out");
    const prepared = await preparedPath(out, join(out, "deep", "er", "file.txt"));
    expect(prepared.ok).toBe(true);
  });

  it("refuses a directory symlink that leads outside", async () => {
    const out = join(root, "out");
    const prepared = await preparedPath(out, join(out, "linked", "file.txt"));
    expect(prepared).toEqual({ ok: false, reason: expect.stringContaining("symlink") });
  });

  it("refuses to write through a symlinked file", async () => {
    const out = join(root, "out");
    const prepared = await preparedPath(out, join(out, "file-link.txt"));
    expect(prepared).toEqual({ ok: false, reason: expect.stringContaining("symlink") });
  });
});
