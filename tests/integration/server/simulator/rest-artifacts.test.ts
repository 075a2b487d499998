import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildPath,
  jobPath,
  withRestHarness,
  type ArtifactFixture,
  type Harness,
  type SimFixtures,
} from "./sim-harness";

interface RestArtifact {
  id: string;
  job_id: string;
  url: string;
  download_url: string;
  state: string;
  path: string;
  dirname: string;
  filename: string;
  mime_type: string;
  file_size: number;
  sha1sum: string | null;
}

let h: Harness;
let fx: SimFixtures;
withRestHarness((harness, fixtures) => {
  h = harness;
  fx = fixtures;
});

const list = async (path: string): Promise<RestArtifact[]> => (await (await h.rest(path)).json()) as RestArtifact[];
const downloadPath = (artifact: ArtifactFixture) => `${jobPath(artifact)}/artifacts/${artifact.artifactId}/download`;
const signedUrl = async (artifact: ArtifactFixture): Promise<string> => {
  const response = await h.rest(downloadPath(artifact), { redirect: "manual" });
  return response.headers.get("location") ?? "";
};

describe("listing artifacts", () => {
  it("lists a build's artifacts with the reference's fields, sizes and sha1 of the real bytes", async () => {
    const artifacts = await list(`${buildPath(fx.annotatedBuild)}/artifacts`);
    expect(artifacts.length).toBeGreaterThanOrEqual(8);
    const junit = artifacts.find((artifact) => artifact.path === "reports/junit.xml");
    expect(junit).toMatchObject({
      state: "finished",
      dirname: "reports",
      filename: "junit.xml",
      mime_type: "application/xml",
    });
    expect(junit?.file_size).toBeGreaterThan(0);
    expect(junit?.sha1sum).toMatch(/^[0-9a-f]{40}$/);
    expect(junit?.url).toBe(
      `${h.sim.restApiUrl}${buildPath(fx.annotatedBuild)}/jobs/${junit?.job_id}/artifacts/${junit?.id}`,
    );
    expect(junit?.download_url).toBe(`${junit?.url}/download`);
    expect(new Set(artifacts.map((artifact) => artifact.state))).toEqual(
      new Set(["finished", "error", "expired", "deleted", "new"]),
    );
  });

  it("lists one job's artifacts", async () => {
    const artifacts = await list(`${jobPath(fx.smallArtifact)}/artifacts`);
    expect(artifacts.length).toBeGreaterThan(0);
    expect(artifacts.every((artifact) => artifact.job_id === fx.smallArtifact.jobId)).toBe(true);
    expect(artifacts.map((artifact) => artifact.id)).toContain(fx.smallArtifact.artifactId);
  });

  it("pages with a Link header", async () => {
    const response = await h.rest(`${buildPath(fx.annotatedBuild)}/artifacts?per_page=3`);
    expect(((await response.json()) as RestArtifact[]).length).toBe(3);
    expect(response.headers.get("link")).toContain('rel="next"');
  });

  it("filters by state and answers 422 with errors for an unknown state", async () => {
    const expired = await list(`${buildPath(fx.annotatedBuild)}/artifacts?state=expired`);
    expect(expired.map((artifact) => artifact.state)).toEqual(["expired"]);
    const response = await h.rest(`${buildPath(fx.annotatedBuild)}/artifacts?state=gone`);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { message: string; errors: string[] };
    expect(body.message).toMatch(/Validation failed/);
    expect(body.errors.length).toBeGreaterThan(0);
  });

  it("filters by exact path and by * glob", async () => {
    const exact = await list(`${buildPath(fx.annotatedBuild)}/artifacts?path=coverage/index.html`);
    expect(exact.map((artifact) => artifact.path)).toEqual(["coverage/index.html"]);
    const glob = await list(`${buildPath(fx.annotatedBuild)}/artifacts?path=${encodeURIComponent("coverage/*")}`);
    expect(glob.map((artifact) => artifact.path).sort()).toEqual([
      "coverage/coverage-summary.json",
      "coverage/index.html",
    ]);
    const everywhere = await list(`${buildPath(fx.annotatedBuild)}/artifacts?path=${encodeURIComponent("**/*.zip")}`);
    expect(everywhere.length).toBe(2);
  });

  it("needs read_artifacts", async () => {
    expect((await h.rest(`${buildPath(fx.annotatedBuild)}/artifacts`, {}, h.sim.apiReadOnlyToken)).status).toBe(200);
    expect((await h.rest(`${buildPath(fx.annotatedBuild)}/artifacts`, {}, "bkua_x")).status).toBe(401);
  });
});

describe("downloading artifacts", () => {
  it("redirects with 302 to a signed storage URL on this server, also given in the body", async () => {
    const response = await h.rest(downloadPath(fx.smallArtifact), { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(
      new RegExp(
        `^${h.sim.origin}/__storage/artifacts/${fx.smallArtifact.artifactId}/coverage-summary\\.json\\?expires=\\d+&signature=[0-9a-f]{64}$`,
      ),
    );
    expect(await response.json()).toEqual({ url: location });
  });

  it("serves the real bytes without Authorization, their sha1 matching the listed sha1sum", async () => {
    const response = await fetch(await signedUrl(fx.smallArtifact));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.length);
    expect(createHash("sha1").update(bytes).digest("hex")).toBe(fx.smallArtifact.sha1);
    const [listed] = (await list(
      `${jobPath(fx.smallArtifact)}/artifacts?path=${fx.smallArtifact.path}`,
    )) as RestArtifact[];
    expect(listed?.sha1sum).toBe(fx.smallArtifact.sha1);
  });

  it("serves a real PNG", async () => {
    const bytes = Buffer.from(await (await fetch(await signedUrl(fx.imageArtifact))).arrayBuffer());
    expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
    expect(createHash("sha1").update(bytes).digest("hex")).toBe(fx.imageArtifact.sha1);
  });

  it("refuses a storage request that carries an Authorization header (the token must never be forwarded)", async () => {
    const response = await fetch(await signedUrl(fx.smallArtifact), {
      headers: { Authorization: `Bearer ${h.sim.apiToken}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("<Code>InvalidArgument</Code>");
  });

  it("refuses a bad signature and an expired URL with 403", async () => {
    const url = new URL(await signedUrl(fx.smallArtifact));
    const forged = new URL(url);
    forged.searchParams.set("signature", "0".repeat(64));
    expect((await fetch(forged)).status).toBe(403);
    const stretched = new URL(url);
    stretched.searchParams.set("expires", String(Number(url.searchParams.get("expires")) + 3600));
    expect((await fetch(stretched)).status).toBe(403);
    await h.control("clock", { advanceMs: 61_000 });
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("Request has expired");
  });

  it("streams the 100 MB artifact with its Content-Length, its sha1 listed", async () => {
    expect(fx.largeArtifact.bytes).toBeGreaterThanOrEqual(100 * 1024 * 1024);
    const head = await fetch(await signedUrl(fx.largeArtifact), { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(fx.largeArtifact.bytes);
    const response = await fetch(await signedUrl(fx.largeArtifact));
    const reader = response.body?.getReader();
    const first = await reader?.read();
    await reader?.cancel();
    expect(first?.value?.length).toBeGreaterThan(0);
    const [listed] = await list(`${jobPath(fx.largeArtifact)}/artifacts?path=${fx.largeArtifact.path}`);
    expect(listed).toMatchObject({ file_size: fx.largeArtifact.bytes, sha1sum: fx.largeArtifact.sha1 });
  });

  it("answers 404 for artifacts that are not downloadable or not the job's", async () => {
    const [errored] = await list(`${buildPath(fx.annotatedBuild)}/artifacts?state=error`);
    const response = await h.rest(
      `${buildPath(fx.annotatedBuild)}/jobs/${errored?.job_id}/artifacts/${errored?.id}/download`,
      { redirect: "manual" },
    );
    expect(response.status).toBe(404);
    const foreign = await h.rest(`${jobPath(fx.failedJob)}/artifacts/${fx.largeArtifact.artifactId}/download`, {
      redirect: "manual",
    });
    expect(foreign.status).toBe(404);
  });
});
