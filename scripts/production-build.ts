import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

// A production build (`next build`) takes minutes on a small machine, so the demo, the end-to-end suites
// and the benchmarks reuse the one in .next when it was made from the sources as they are now. "The
// sources" are every file the build reads: all of the project but what only tests, docs and tooling read.

const STAMP = "source-fingerprint.json";
/** Folders and files no build reads; a change in them never makes a build stale. */
const IGNORED = new Set([
  ".git",
  ".next",
  ".data",
  "node_modules",
  "tests",
  "coverage",
  "test-results",
  "playwright-report",
  "out",
  ".ci",
  // The container's recipe and the compose stack package a build; they are not read by one.
  "deploy",
  "Dockerfile",
  ".dockerignore",
  "compose.yaml",
]);
const IGNORED_FILE = /\.(md|tsbuildinfo)$|^next-env\.d\.ts$/;

function sourceFiles(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      if (IGNORED.has(entry.name) && dir === root) return [];
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(root, path);
      return entry.isFile() && !IGNORED_FILE.test(entry.name) ? [path] : [];
    });
}

/** One hash over every source file's path and bytes. */
export function sourceFingerprint(root: string): string {
  const hash = createHash("sha256");
  for (const path of sourceFiles(root)) {
    hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  }
  return hash.digest("hex");
}

interface Stamp {
  buildId: string;
  fingerprint: string;
}

function readBuildId(root: string): string | null {
  const path = join(root, ".next", "BUILD_ID");
  return existsSync(path) ? readFileSync(path, "utf8").trim() : null;
}

/** Whether .next holds a build made from the sources as they are (and not replaced by another since). */
export function buildIsCurrent(root: string): boolean {
  const buildId = readBuildId(root);
  const stampPath = join(root, ".next", STAMP);
  if (!buildId || !existsSync(stampPath)) return false;
  try {
    const stamp = JSON.parse(readFileSync(stampPath, "utf8")) as Partial<Stamp>;
    return stamp.buildId === buildId && stamp.fingerprint === sourceFingerprint(root);
  } catch {
    return false;
  }
}

/** Records that the build in .next was made from the sources as they are now. */
export function stampBuild(root: string, fingerprint: string): void {
  const buildId = readBuildId(root);
  if (buildId) writeFileSync(join(root, ".next", STAMP), JSON.stringify({ buildId, fingerprint } satisfies Stamp));
}

/** Builds unless the build in .next is current; returns whether it built. */
export function ensureProductionBuild(root = process.cwd()): boolean {
  if (buildIsCurrent(root)) {
    console.log("--- the production build in .next is up to date with the sources; reusing it");
    return false;
  }
  // Taken before building: an edit made while the build runs must make the next run build again.
  const fingerprint = sourceFingerprint(root);
  const built = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit" });
  if (built.status !== 0) throw new Error(`next build failed (exit ${built.status ?? built.signal})`);
  stampBuild(root, fingerprint);
  return true;
}

if (process.argv[1] && /production-build\.ts$/.test(process.argv[1])) {
  try {
    ensureProductionBuild();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
