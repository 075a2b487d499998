import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseLog } from "@/lib/log/parser";
import { toPlainText } from "@/lib/log/plain-text";
import { identityHeaders, seededConsole } from "../../../support/console";

// The REST half of the BFF over real HTTP: test → route → simulator.

interface JobFixture {
  pipeline: string;
  buildNumber: number;
  jobId: string;
  bytes?: number;
}
interface ArtifactFixture extends JobFixture {
  artifactId: string;
  bytes: number;
  sha1: string;
}
interface Fixtures {
  largeLog: JobFixture;
  colourLog: JobFixture;
  growingLog: JobFixture;
  failedJob: JobFixture;
  timedOutJob: JobFixture;
  hostileAnnotation: { pipeline: string; buildNumber: number };
  smallArtifact: ArtifactFixture;
  largeArtifact: ArtifactFixture;
}

const world = seededConsole<Fixtures>();

const buildPath = (job: { pipeline: string; buildNumber: number }) =>
  `/api/v1/pipelines/${job.pipeline}/builds/${job.buildNumber}`;
const jobPath = (job: JobFixture) => `${buildPath(job)}/jobs/${job.jobId}`;

const allUpstreamCalls = () => world.console.upstreamTotal();

async function rawLog(job: JobFixture): Promise<string> {
  const response = await fetch(`${world.console.origin}${jobPath(job)}/log/download`, {
    headers: identityHeaders("admin"),
  });
  expect(response.status).toBe(200);
  return response.text();
}

describe("builds", () => {
  it("lists builds with the contract's summary and pagination", async () => {
    const { status, body } = await world.console.api("/api/v1/builds?perPage=2");
    expect(status).toBe(200);
    expect(body.command).toBe("builds.list");
    expect(body.data).toHaveLength(2);
    expect(body.pagination).toEqual({ page: 1, perPage: 2, nextPage: 2, prevPage: null, hasMore: true });
    expect(body.summary.count).toBe(2);
    const states = body.summary.states as Record<string, number>;
    expect(Object.values(states).reduce((a, b) => a + b, 0)).toBe(2);
  });

  it("filters by pipeline and state, and refuses an unknown state before calling Buildkite", async () => {
    const { body } = await world.console.api(
      `/api/v1/builds?pipeline=${world.fixtures.failedJob.pipeline}&state=failed`,
    );
    expect(body.data.length).toBeGreaterThan(0);
    for (const build of body.data as { state: string; pipeline: { slug: string } }[]) {
      expect(build.state).toBe("failed");
      expect(build.pipeline.slug).toBe(world.fixtures.failedJob.pipeline);
    }
    const before = await allUpstreamCalls();
    const bad = await world.console.api("/api/v1/builds?state=exploded");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details.field).toBe("query.state");
    expect(await allUpstreamCalls()).toBe(before);
  });

  it("gets a build with job counts and its failed jobs named", async () => {
    const { body } = await world.console.api(buildPath(world.fixtures.failedJob));
    expect(body.command).toBe("builds.get");
    expect(body.summary.failedJobIds).toContain(world.fixtures.failedJob.jobId);
    const counts = body.summary.jobCounts as Record<string, number>;
    expect(counts.failed).toBeGreaterThanOrEqual(1);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(["passed", "failed", "running", "blocked"]));
    // The build's soft failure has a count of its own, so "failed" agrees with the failed jobs listed first.
    expect(counts.failed).toBe((body.summary.failedJobIds as string[]).length);
    expect(counts.soft_failed).toBe(1);
  });
});

describe("shared REST reads", () => {
  it("serves every viewer of a build from one upstream read, and a retry's change at once", async () => {
    const route = "GET /v2/organizations/:org/pipelines/:pipeline/builds/:number";
    // A build no other test reads, so nothing is cached for it yet.
    const before = await world.console.upstreamCalls(route);
    await Promise.all(Array.from({ length: 5 }, () => world.console.api(buildPath(world.fixtures.timedOutJob))));
    expect(await world.console.upstreamCalls(route)).toBe(before + 1);
    await world.console.api(buildPath(world.fixtures.failedJob));
    const retried = await world.console.api(`${jobPath(world.fixtures.failedJob)}/retry`, { method: "POST" });
    const { body } = await world.console.api(buildPath(world.fixtures.failedJob));
    expect((body.data.jobs as { id: string }[]).map((job) => job.id)).toContain(retried.body.summary.jobId);
  });
});

describe("jobs.retry", () => {
  it("creates the new job, which the stack then lists as scheduled", async () => {
    const { status, body } = await world.console.api(`${jobPath(world.fixtures.failedJob)}/retry`, { method: "POST" });
    expect(status).toBe(200);
    expect(body.summary).toMatchObject({ retried: true, state: "scheduled" });
    const newId = body.summary.jobId as string;
    expect(newId).not.toBe(world.fixtures.failedJob.jobId);
    const scheduled = await world.console.api(
      `/api/v1/stacks/${world.console.sim.stackKey}/scheduled-jobs?queue=_default&all=1`,
    );
    expect((scheduled.body.data as { id: string }[]).map((job) => job.id)).toContain(newId);
  });

  it("keeps the retried attempt in its build beside its retry, each naming the other, and its log readable", async () => {
    const failed = world.fixtures.failedJob;
    const retried = await world.console.api(`${jobPath(failed)}/retry`, { method: "POST" });
    expect(retried.status).toBe(200);
    const newId = retried.body.summary.jobId as string;
    expect(retried.body.data.job).toMatchObject({ retrySource: { jobId: failed.jobId, retryType: "manual" } });

    const { body } = await world.console.api(buildPath(failed));
    const jobs = body.data.jobs as { id: string; name: string; state: string }[];
    const old = jobs.find((job) => job.id === failed.jobId);
    const fresh = jobs.find((job) => job.id === newId);
    expect(old).toMatchObject({ state: "failed", retried: true, retriedInJobId: newId, retrySource: null });
    expect(fresh).toMatchObject({
      name: old?.name,
      state: "scheduled",
      retried: false,
      retriesCount: 1,
      retrySource: { jobId: failed.jobId, retryType: "manual" },
    });
    // The retried attempt is no longer the step's failure: the retry stands for it now.
    expect(body.summary.failedJobIds).not.toContain(failed.jobId);
    expect((body.summary.jobCounts as Record<string, number>).retried).toBe(1);

    const log = await world.console.api(`${jobPath(failed)}/log`);
    expect(log.status).toBe(200);
    expect(log.body.data.content.length).toBeGreaterThan(0);
  });

  it("refuses a cross-site request", async () => {
    const { status, body } = await world.console.api(`${jobPath(world.fixtures.failedJob)}/retry`, {
      method: "POST",
      headers: { "sec-fetch-site": "cross-site" },
    });
    expect(status).toBe(403);
    expect(body.error?.code).toBe("cross_site");
  });
});

describe("artifacts", () => {
  it("lists artifacts with count and total bytes and links to the console's download", async () => {
    const { body } = await world.console.api(`${buildPath(world.fixtures.smallArtifact)}/artifacts`);
    const artifacts = body.data as { id: string; fileSize: number; downloadUrl: string }[];
    expect(body.summary.count).toBe(artifacts.length);
    expect(body.summary.totalBytes).toBe(artifacts.reduce((total, artifact) => total + artifact.fileSize, 0));
    const small = artifacts.find((artifact) => artifact.id === world.fixtures.smallArtifact.artifactId);
    expect(small?.downloadUrl).toBe(
      `${jobPath(world.fixtures.smallArtifact)}/artifacts/${world.fixtures.smallArtifact.artifactId}/download`,
    );
  });

  it("streams a download whose bytes match the sha1", async () => {
    const response = await fetch(
      `${world.console.origin}${jobPath(world.fixtures.smallArtifact)}/artifacts/${world.fixtures.smallArtifact.artifactId}/download`,
      { headers: identityHeaders("admin") },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment/);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash("sha1").update(bytes).digest("hex")).toBe(world.fixtures.smallArtifact.sha1);
  });

  it("answers an unknown artifact with a not_found envelope", async () => {
    const response = await world.console.api(
      `${jobPath(world.fixtures.smallArtifact)}/artifacts/00000000-0000-4000-8000-000000000000/download`,
    );
    expect(response.status).toBe(404);
    expect(response.body.error?.type).toBe("not_found");
  });
});

describe("annotations", () => {
  it("renders hostile annotation HTML inert", async () => {
    const { body } = await world.console.api(`${buildPath(world.fixtures.hostileAnnotation)}/annotations`);
    expect(body.summary.count).toBeGreaterThan(0);
    const html = (body.data as { bodyHtml: string }[]).map((annotation) => annotation.bodyHtml).join("\n");
    expect(html).not.toMatch(/<script|<iframe|<style|<form|<object|<embed/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:|vbscript:|data:text/i);
    expect(html).not.toMatch(/\sclass\s*=|\sstyle\s*=/i);
  });
});

describe("jobs.log.get", () => {
  it("normalizes the log: no escapes, overwrites applied", async () => {
    const { body } = await world.console.api(`${jobPath(world.fixtures.colourLog)}/log`);
    expect(body.command).toBe("jobs.log.get");
    const content = body.data.content as string;
    expect(content).not.toMatch(/\u001b|\r|\u0007/);
    expect(content).toBe(toPlainText(await rawLog(world.fixtures.colourLog)).replace(/\n$/, ""));
    expect(body.data.truncated).toBe(false);
    expect(body.summary.lineCount).toBe(content.split("\n").length);
  });

  it("honours tailLines and maxBytes and says it truncated", async () => {
    const lines = await world.console.api(`${jobPath(world.fixtures.colourLog)}/log?tailLines=5`);
    expect(lines.body.data.lineCount).toBe(5);
    expect(lines.body.data.truncated).toBe(true);
    const bytes = await world.console.api(`${jobPath(world.fixtures.largeLog)}/log?maxBytes=10000`);
    expect(bytes.body.data.truncated).toBe(true);
    expect(Buffer.byteLength(bytes.body.data.content as string)).toBeLessThanOrEqual(10_000);
  });

  it("answers a job that has not run yet with an empty log, not an error", async () => {
    const { scheduledJob } = await world.console.control<{ scheduledJob: JobFixture }>("fixtures");
    const { status, body } = await world.console.api(`${jobPath(scheduledJob)}/log`);
    expect(status).toBe(200);
    expect(body.ok).toBe(true);
    expect(body.data).toMatchObject({ content: "", lineCount: 0, truncated: false, totalBytes: 0 });
    const chunk = await world.console.api(`${jobPath(scheduledJob)}/log/chunk`);
    expect(chunk.status).toBe(200);
    expect(chunk.body.data).toMatchObject({ text: "", totalBytes: 0 });
  });

  it("keeps the bytes as they are with raw", async () => {
    const { body } = await world.console.api(`${jobPath(world.fixtures.colourLog)}/log?raw=1`);
    expect(body.data.content as string).toMatch(/\u001b\[/);
  });
});

describe("log chunks and search", () => {
  interface Chunk {
    totalBytes: number;
    start: number;
    end: number;
    firstLine: number | null;
    lineCount: number | null;
    text: string;
    final: boolean;
  }
  const chunk = async (job: JobFixture, query = "") =>
    (await world.console.api(`${jobPath(job)}/log/chunk${query}`)).body.data as Chunk;

  it("answers the tail at once, then numbers it once the log is indexed", async () => {
    const raw = await rawLog(world.fixtures.colourLog);
    const first = await chunk(world.fixtures.colourLog, "?bytes=4096");
    expect(first.end).toBe(Buffer.byteLength(raw));
    expect(raw.endsWith(first.text)).toBe(true);
    let numbered = first;
    for (let i = 0; i < 50 && numbered.firstLine === null; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      numbered = await chunk(world.fixtures.colourLog, "?bytes=4096");
    }
    const whole = parseLog(raw).map((row) => row.text);
    expect(numbered.lineCount).toBe(whole.length);
    const rows = parseLog(numbered.text).map((row) => row.text);
    expect(rows).toEqual(whole.slice((numbered.firstLine ?? 1) - 1));
  });

  it("serves the chunk holding a line, and the chunk before it, numbered like the whole log", async () => {
    const whole = parseLog(await rawLog(world.fixtures.colourLog)).map((row) => row.text);
    const line = Math.floor(whole.length / 2);
    const held = await chunk(world.fixtures.colourLog, `?line=${line}&bytes=2048`);
    const rows = parseLog(held.text).map((row) => row.text);
    const first = held.firstLine ?? 0;
    expect(first).toBeLessThanOrEqual(line);
    expect(rows[line - first]).toBe(whole[line - 1]);
    const before = await chunk(world.fixtures.colourLog, `?before=${held.start}&bytes=2048`);
    expect(before.end).toBe(held.start);
    expect(parseLog(before.text).map((row) => row.text)).toEqual(whole.slice((before.firstLine ?? 1) - 1, first - 1));
  });

  it("counts every match over the whole log and names the lines", async () => {
    const whole = parseLog(await rawLog(world.fixtures.colourLog)).map((row) => row.text);
    const word = "error";
    const expected = whole.reduce((count, row) => count + (row.toLowerCase().split(word).length - 1), 0);
    const { body } = await world.console.api(`${jobPath(world.fixtures.colourLog)}/log/search?q=${word}`);
    expect(body.command).toBe("jobs.log.search");
    expect(body.data.count).toBe(expected);
    for (const line of body.data.lines as number[]) expect(whole[line - 1]?.toLowerCase()).toContain(word);
  });

  it("finds a running job's newest line, which a redraw could still change", async () => {
    const rowsOf = async () => parseLog(await rawLog(world.fixtures.growingLog)).map((row) => row.text);
    const before = await rowsOf();
    const newestLine = before.findLastIndex((row) => row.trim().length > 0) + 1;
    const query = (before[newestLine - 1] ?? "").trim().slice(0, 200);
    const matches = (rows: string[]) =>
      rows.reduce((count, row) => count + (row.toLowerCase().split(query.toLowerCase()).length - 1), 0);

    const { body } = await world.console.api(
      `${jobPath(world.fixtures.growingLog)}/log/search?q=${encodeURIComponent(query)}`,
    );
    const after = await rowsOf();
    expect(body.summary.final).toBe(false);
    expect(body.data.lines).toContain(newestLine);
    // The log grows while we look: the answer lies between what it held before and after.
    expect(body.data.count).toBeGreaterThanOrEqual(matches(before));
    expect(body.data.count).toBeLessThanOrEqual(matches(after));
  });

  it("opens a 100 MB log at its tail and reaches its first line", async () => {
    const tail = await chunk(world.fixtures.largeLog);
    expect(tail.totalBytes).toBe(world.fixtures.largeLog.bytes);
    expect(tail.end).toBe(world.fixtures.largeLog.bytes);
    expect(tail.end - tail.start).toBeLessThanOrEqual(256 * 1024);
    const top = await chunk(world.fixtures.largeLog, "?line=1");
    expect(top).toMatchObject({ start: 0, firstLine: 1, final: true });
    expect(top.lineCount).toBeGreaterThan(100_000);
  }, 60_000);

  it("validates chunk queries before anything is fetched", async () => {
    const response = await world.console.api(`${jobPath(world.fixtures.colourLog)}/log/chunk?line=0`);
    expect(response.status).toBe(400);
    expect(response.body.error?.details.field).toBe("query.line");
    const both = await world.console.api(`${jobPath(world.fixtures.colourLog)}/log/chunk?line=3&before=10`);
    expect(both.status).toBe(400);
  });
});
