import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { buildIsCurrent, sourceFingerprint, stampBuild } from "@/scripts/production-build";

// `npm run demo`, the end-to-end suites and the benchmarks build again only when the sources changed.

let root: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "production-build-"));
  write("app/page.tsx", "export default function Page() { return null; }");
  write("server/config.ts", "export const a = 1;");
  write("package-lock.json", "{}");
  write("README.md", "# Stack Console");
  write("tests/unit/a.test.ts", "test");
  write(".next/BUILD_ID", "build-1");
  stampBuild(root, sourceFingerprint(root));
});

describe("reusing a production build", () => {
  it("reuses the build made from the sources as they are", () => {
    expect(buildIsCurrent(root)).toBe(true);
  });

  it("builds again after any source or dependency change", () => {
    write("server/config.ts", "export const a = 2;");
    expect(buildIsCurrent(root)).toBe(false);
    stampBuild(root, sourceFingerprint(root));
    write("package-lock.json", '{"lockfileVersion":3}');
    expect(buildIsCurrent(root)).toBe(false);
    stampBuild(root, sourceFingerprint(root));
    write("components/new-file.tsx", "export {};");
    expect(buildIsCurrent(root)).toBe(false);
  });

  it("ignores what no build reads: tests and docs", () => {
    write("tests/unit/a.test.ts", "changed");
    write("README.md", "# changed");
    expect(buildIsCurrent(root)).toBe(true);
  });

  it("builds again when another build replaced the stamped one, or there is no stamp", () => {
    write(".next/BUILD_ID", "build-2");
    expect(buildIsCurrent(root)).toBe(false);
    const fresh = mkdtempSync(join(tmpdir(), "production-build-"));
    mkdirSync(join(fresh, ".next"));
    writeFileSync(join(fresh, ".next", "BUILD_ID"), "build-1");
    expect(buildIsCurrent(fresh)).toBe(false);
  });
});
