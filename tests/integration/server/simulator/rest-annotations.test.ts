import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPath, startHarness, type Harness, type SimFixtures } from "./sim-harness";

interface RestAnnotation {
  id: string;
  context: string;
  style: string;
  scope: string;
  job_id: string | null;
  priority: number;
  body_html: string;
  created_at: string;
  updated_at: string;
}

let h: Harness;
let fx: SimFixtures;
beforeAll(async () => {
  h = await startHarness();
  fx = await h.fixtures();
});
afterAll(() => h.sim.close());

const annotations = async (query = ""): Promise<RestAnnotation[]> =>
  (await (await h.rest(`${buildPath(fx.annotatedBuild)}/annotations${query}`)).json()) as RestAnnotation[];

describe("GET …/builds/{n}/annotations", () => {
  it("lists the build's own annotations by default, job-scoped ones with scope=job, both with scope=all", async () => {
    const build = await annotations();
    expect(build.every((annotation) => annotation.scope === "build" && annotation.job_id === null)).toBe(true);
    const job = await annotations("?scope=job");
    expect(job.length).toBeGreaterThan(0);
    expect(job.every((annotation) => annotation.scope === "job" && annotation.job_id !== null)).toBe(true);
    expect(job.map((annotation) => annotation.job_id)).toContain(fx.failedJob.jobId);
    const all = await annotations("?scope=all");
    expect(all).toHaveLength(build.length + job.length);
    expect((await h.rest(`${buildPath(fx.annotatedBuild)}/annotations?scope=nope`)).status).toBe(422);
  });

  it("has every style, priorities and contexts, and Buildkite-rendered HTML with artifact:// links and images", async () => {
    const all = await annotations("?scope=all");
    expect(new Set(all.map((annotation) => annotation.style))).toEqual(new Set(["error", "warning", "info"]));
    expect(new Set(all.map((annotation) => annotation.context)).size).toBe(all.length);
    expect(all.map((annotation) => annotation.priority)).toEqual(expect.arrayContaining([1, 3, 8]));
    const html = all.map((annotation) => annotation.body_html).join("\n");
    expect(html).toContain('href="artifact://reports/junit.xml"');
    expect(html).toContain('<img src="artifact://screenshots/coverage-trend.png"');
    const plan = (await (await h.rest(`/organizations/acme/builds?per_page=100`)).json()) as {
      pipeline: { slug: string };
      number: number;
    }[];
    const styles = new Set<string>();
    for (const build of plan) {
      const listed = (await (
        await h.rest(`${buildPath({ pipeline: build.pipeline.slug, buildNumber: build.number })}/annotations?scope=all`)
      ).json()) as RestAnnotation[];
      for (const annotation of listed) styles.add(annotation.style);
    }
    expect(styles).toEqual(new Set(["success", "info", "warning", "error"]));
  });

  it("includes one hostile annotation a console must sanitise", async () => {
    const [hostile] = (await annotations()).filter((annotation) => annotation.context === "release-notes");
    const html = hostile?.body_html ?? "";
    for (const needle of [
      "<script>",
      "onerror=",
      "onclick=",
      'href="javascript:',
      "<iframe",
      "<style>",
      "<form",
      "<meta http-equiv",
    ])
      expect(html).toContain(needle);
    expect(fx.hostileAnnotation).toEqual(fx.annotatedBuild);
  });

  it("pages with a Link header", async () => {
    const response = await h.rest(`${buildPath(fx.annotatedBuild)}/annotations?scope=all&per_page=2`);
    expect(((await response.json()) as RestAnnotation[]).length).toBe(2);
    expect(response.headers.get("link")).toContain('rel="next"');
  });

  it("needs read_builds and a build that exists", async () => {
    expect((await h.rest(`${buildPath(fx.annotatedBuild)}/annotations`, {}, h.sim.apiReadOnlyToken)).status).toBe(200);
    expect((await h.rest(`/organizations/acme/pipelines/web/builds/99999/annotations`)).status).toBe(404);
  });
});
