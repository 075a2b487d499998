import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, symlink } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bkciWorld, buildFlags, expectContract, fixtures, runBkci, simEnv, type Fixtures } from "./bkci-harness";
import { startRewritingProxy } from "./rewriting-proxy";

const world = bkciWorld();
let f: Fixtures;
beforeAll(async () => {
  f = await fixtures(world);
});

const sha1 = (bytes: Buffer) => createHash("sha1").update(bytes).digest("hex");

interface Downloaded {
  files: { artifactId: string; path: string; bytes: number; sha1sum: string }[];
  failures: { artifactId: string; path: string; reason: string }[];
}

describe("artifacts.list", () => {
  it("lists a build's artifacts, or one job's, with their count and total size", async () => {
    const build = expectContract(
      await runBkci(["artifacts.list", ...buildFlags(f.junitArtifact)], simEnv(world)),
      "artifacts.list",
    );
    const artifacts = build.data as { id: string; fileSize: number; sha1sum: string }[];
    expect(build.request).toMatchObject({ jobId: null, buildNumber: f.junitArtifact.buildNumber });
    expect(artifacts.map((artifact) => artifact.id)).toEqual(
      expect.arrayContaining([f.junitArtifact.artifactId, f.imageArtifact.artifactId]),
    );
    expect(build.summary).toEqual({
      count: artifacts.length,
      totalBytes: artifacts.reduce((total, artifact) => total + artifact.fileSize, 0),
    });
    const job = expectContract(
      await runBkci(
        ["artifacts.list", ...buildFlags(f.junitArtifact), "--job-id", f.junitArtifact.jobId],
        simEnv(world),
      ),
      "artifacts.list",
    );
    expect((job.data as { id: string }[]).map((artifact) => artifact.id)).toEqual([f.junitArtifact.artifactId]);
  });
});

describe("artifacts.download", () => {
  it("saves the chosen artifacts with the bytes and sha1 Buildkite reported", async () => {
    const dir = join(world.home, "download");
    const run = await runBkci(
      [
        "artifacts.download",
        ...buildFlags(f.junitArtifact),
        "--artifact-id",
        f.junitArtifact.artifactId,
        "--glob",
        "screenshots/**",
        "--output-dir",
        dir,
      ],
      simEnv(world),
    );
    const envelope = expectContract(run, "artifacts.download");
    expect(run.exitCode).toBe(0);
    expect(envelope.request).toMatchObject({
      artifactIds: [f.junitArtifact.artifactId],
      glob: "screenshots/**",
      outputDir: dir,
    });
    const data = envelope.data as Downloaded;
    expect(data.failures).toEqual([]);
    expect(data.files.map((file) => file.artifactId).sort()).toEqual(
      [f.junitArtifact.artifactId, f.imageArtifact.artifactId].sort(),
    );
    for (const artifact of [f.junitArtifact, f.imageArtifact]) {
      const bytes = await readFile(join(dir, artifact.path));
      expect(bytes.length).toBe(artifact.bytes);
      expect(sha1(bytes)).toBe(artifact.sha1);
    }
    expect(envelope.summary).toEqual({
      downloaded: 2,
      failed: 0,
      totalBytes: f.junitArtifact.bytes + f.imageArtifact.bytes,
    });
  });

  it("lists an unknown --artifact-id as a failure and exits 3", async () => {
    const run = await runBkci(
      [
        "artifacts.download",
        ...buildFlags(f.junitArtifact),
        "--artifact-id",
        "no-such-artifact",
        "--output-dir",
        join(world.home, "unknown"),
      ],
      simEnv(world),
    );
    const envelope = expectContract(run, "artifacts.download");
    expect(run.exitCode).toBe(3);
    expect(envelope.summary).toMatchObject({ downloaded: 0, failed: 1 });
  });

  it("refuses a directory symlink that leads outside --output-dir", async () => {
    const dir = join(world.home, "symlinked");
    const outside = join(world.home, "outside");
    await mkdir(dir, { recursive: true });
    await mkdir(outside, { recursive: true });
    await symlink(outside, join(dir, "reports"));
    const run = await runBkci(
      ["artifacts.download", ...buildFlags(f.junitArtifact), "--glob", "reports/*", "--output-dir", dir],
      simEnv(world),
    );
    const data = expectContract(run, "artifacts.download").data as Downloaded;
    expect(run.exitCode).toBe(3);
    expect(data.failures).toEqual([expect.objectContaining({ artifactId: f.junitArtifact.artifactId })]);
    expect(data.failures[0]?.reason).toContain("symlink");
    expect(await readdir(outside)).toEqual([]);
  });

  describe("from a Buildkite that lies", () => {
    let proxy: Awaited<ReturnType<typeof startRewritingProxy>>;
    beforeAll(async () => {
      proxy = await startRewritingProxy(world.sim.restApiUrl, (path, json) => {
        if (!/\/builds\/\d+\/artifacts(\?|$)/.test(path) || !Array.isArray(json)) return json;
        return json.map((artifact: Record<string, unknown>) =>
          artifact.id === f.junitArtifact.artifactId
            ? { ...artifact, path: "../escape.txt" }
            : artifact.id === f.imageArtifact.artifactId
              ? { ...artifact, sha1sum: "0".repeat(40) }
              : artifact,
        );
      });
    });
    afterAll(() => proxy.close());

    it("refuses a path outside --output-dir and a sha1 mismatch, and still saves the others", async () => {
      const parent = join(world.home, "lied");
      const dir = join(parent, "out");
      const run = await runBkci(
        ["artifacts.download", ...buildFlags(f.junitArtifact), "--output-dir", dir],
        simEnv(world, { BUILDKITE_REST_API_URL: proxy.url }),
      );
      const envelope = expectContract(run, "artifacts.download");
      const data = envelope.data as Downloaded;
      expect(run.exitCode).toBe(3);
      expect(envelope.ok).toBe(true);
      const reasons = Object.fromEntries(data.failures.map((failure) => [failure.artifactId, failure.reason]));
      expect(reasons[f.junitArtifact.artifactId]).toContain("outside --output-dir");
      expect(reasons[f.imageArtifact.artifactId]).toContain("sha1 mismatch");
      expect(data.files.length).toBeGreaterThan(0);
      expect(envelope.summary).toMatchObject({ failed: 2, downloaded: data.files.length });
      // Nothing escaped, and the mismatched file left nothing behind (not even a partial).
      expect(await readdir(parent)).toEqual(["out"]);
      const screenshots = await readdir(join(dir, "screenshots")).catch(() => []);
      expect(screenshots).toEqual([]);
    });
  });
});
