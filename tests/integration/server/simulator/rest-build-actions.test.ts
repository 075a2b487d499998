import { describe, expect, it } from "vitest";
import { buildPath, jobPath, post, withRestHarness, type Harness, type SimFixtures } from "./sim-harness";

interface RestJob {
  id: string;
  type: string;
  state: string;
  name?: string;
  unblocked_by?: { name: string; email: string } | null;
  unblocked_at?: string | null;
}

interface RestBuild {
  id: string;
  number: number;
  state: string;
  blocked: boolean;
  commit: string;
  source: string;
  finished_at: string | null;
  meta_data: Record<string, string>;
  rebuilt_from: { id: string; number: number; url: string } | null;
  jobs: RestJob[];
}

let h: Harness;
let fx: SimFixtures;
withRestHarness((harness, fixtures) => {
  h = harness;
  fx = fixtures;
});

const put = (path: string, body?: unknown, token?: string) =>
  h.rest(
    path,
    {
      method: "PUT",
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
    },
    token,
  );
const getBuild = async (ref: { pipeline: string; buildNumber: number }) =>
  (await (await h.rest(buildPath(ref))).json()) as RestBuild;
const message = async (response: Response) => ((await response.json()) as { message: string }).message;

describe("PUT …/jobs/{id}/unblock", () => {
  it("unblocks a block step: fields become meta-data, the build runs on and its next job is scheduled", async () => {
    const response = await put(`${jobPath(fx.manualJob)}/unblock`, { fields: { "release-name": "Pumpkin" } });
    expect(response.status).toBe(200);
    const job = (await response.json()) as RestJob;
    expect(job).toMatchObject({
      type: "manual",
      state: "unblocked",
      unblocked_by: { name: "Demo Operator", email: "demo-operator@acme.example" },
    });
    expect(job.unblocked_at).toEqual(expect.any(String));

    const build = await getBuild(fx.blockedBuild);
    expect(build).toMatchObject({
      blocked: false,
      state: "running",
      finished_at: null,
      meta_data: { release: "2026.11.3", "release-name": "Pumpkin" },
    });
    const deploy = build.jobs.find((candidate) => candidate.name === ":rocket: Deploy");
    expect(deploy?.state).toBe("scheduled");
    expect(await h.listIds()).toContain(deploy?.id);

    // The deploy finishing (through the Stacks API) finishes the build.
    await h.api(
      `/stacks/stack-console/jobs/${deploy?.id}/finish`,
      post({ detail: "deployed by hand", exit_status: 0 }),
    );
    expect(await getBuild(fx.blockedBuild)).toMatchObject({ state: "passed", blocked: false });
  });

  it("refuses jobs that are not blocked block steps with 400, and the read-only token with 403", async () => {
    expect((await put(`${jobPath(fx.manualJob)}/unblock`, {}, h.sim.apiReadOnlyToken)).status).toBe(403);
    const script = await put(`${jobPath(fx.passedJob)}/unblock`, {});
    expect(script.status).toBe(400);
    expect(await message(script)).toBe("Only block steps can be unblocked");
    expect((await put(`${jobPath(fx.manualJob)}/unblock`, {})).status).toBe(200);
    expect((await put(`${jobPath(fx.manualJob)}/unblock`, {})).status).toBe(400);
  });
});

describe("PUT …/builds/{n}/cancel", () => {
  it("cancels a running build and its unfinished jobs, then refuses to cancel it again with 422", async () => {
    const response = await put(`${buildPath(fx.runningBuild)}/cancel`);
    expect(response.status).toBe(200);
    const build = (await response.json()) as RestBuild;
    expect(build.state).toBe("canceled");
    expect(build.finished_at).toEqual(expect.any(String));
    expect(build.jobs.filter((job) => job.type === "script").map((job) => job.state)).toEqual([
      "passed",
      "canceled",
      "canceled",
      "canceled",
    ]);
    const again = await put(`${buildPath(fx.runningBuild)}/cancel`);
    expect(again.status).toBe(422);
    expect(await message(again)).toMatch(/only scheduled, running or failing builds/);
  });

  it("takes a scheduled build's jobs off the Stacks API's scheduled list", async () => {
    const body = (await (await h.api(`/stacks/stack-console/scheduled-jobs?queue_key=_default&limit=1`)).json()) as {
      jobs: { id: string; pipeline: { slug: string }; build: { number: number } }[];
    };
    const [listed] = body.jobs;
    const ref = { pipeline: listed?.pipeline.slug ?? "", buildNumber: listed?.build.number ?? 0 };
    expect((await put(`${buildPath(ref)}/cancel`)).status).toBe(200);
    expect(await h.listIds()).not.toContain(listed?.id);
  });

  it("refuses finished builds with 422", async () => {
    expect((await put(`${buildPath(fx.annotatedBuild)}/cancel`)).status).toBe(422);
  });
});

describe("PUT …/builds/{n}/rebuild", () => {
  it("creates a new build of the same commit, its first stage scheduled and the rest waiting behind the waiter", async () => {
    const original = await getBuild(fx.largeArtifact);
    const response = await put(`${buildPath(fx.largeArtifact)}/rebuild`);
    expect(response.status).toBe(200);
    const build = (await response.json()) as RestBuild;
    expect(build.number).toBeGreaterThan(original.number);
    expect(build).toMatchObject({
      commit: original.commit,
      source: "api",
      state: "scheduled",
      rebuilt_from: { id: original.id, number: original.number },
    });
    expect(build.jobs.map((job) => job.state)).toEqual(original.jobs.map(() => "scheduled"));
    const ids = await h.listIds();
    for (const job of build.jobs) expect(ids).toContain(job.id);
  });

  it("runs the next stage once the jobs before a waiter pass", async () => {
    const green = (await (await h.rest("/organizations/acme/pipelines/web/builds?per_page=100")).json()) as RestBuild[];
    const withWaiter = green.find(
      (build) => build.jobs.some((job) => job.type === "waiter") && build.state === "passed",
    );
    if (withWaiter === undefined) throw new Error("no passed build with a waiter");
    const rebuilt = (await (
      await put(`/organizations/acme/pipelines/web/builds/${withWaiter.number}/rebuild`)
    ).json()) as RestBuild;
    const waiterAt = rebuilt.jobs.findIndex((job) => job.type === "waiter");
    expect(rebuilt.jobs.slice(0, waiterAt).every((job) => job.state === "scheduled")).toBe(true);
    // The waiter itself has no state to show; the jobs after it wait.
    expect(rebuilt.jobs[waiterAt]).not.toHaveProperty("state");
    expect(rebuilt.jobs.slice(waiterAt + 1).every((job) => job.state === "waiting")).toBe(true);
    for (const job of rebuilt.jobs.slice(0, waiterAt))
      await h.api(`/stacks/stack-console/jobs/${job.id}/finish`, post({ detail: "done", exit_status: 0 }));
    const after = await getBuild({ pipeline: "web", buildNumber: rebuilt.number });
    expect(after.jobs.slice(waiterAt + 1).every((job) => job.state === "scheduled")).toBe(true);
  });

  it("needs write_builds", async () => {
    expect((await put(`${buildPath(fx.largeArtifact)}/rebuild`, undefined, h.sim.apiReadOnlyToken)).status).toBe(403);
  });
});

describe("POST …/pipelines/{p}/builds", () => {
  const create = (body: unknown, token?: string) =>
    h.rest(
      "/organizations/acme/pipelines/docs/builds",
      { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } },
      token,
    );

  it("answers 201 with a scheduled build of the pipeline's steps, whose jobs the Stacks API lists", async () => {
    const response = await create({ commit: "HEAD", branch: "main", meta_data: { env: "staging" } });
    expect(response.status).toBe(201);
    const build = (await response.json()) as RestBuild & { creator: { name: string }; source: string };
    expect(build).toMatchObject({
      state: "scheduled",
      commit: "HEAD",
      source: "api",
      meta_data: { env: "staging" },
      creator: { name: "Demo Operator" },
    });
    expect(build.jobs.map((job) => [job.name, job.state])).toEqual([[":books: Build site", "scheduled"]]);
    const listed = await h.listIds();
    for (const job of build.jobs) expect(listed).toContain(job.id);
  });

  it("answers 422 with Buildkite's error body listing each blank field, and 403 without write_builds", async () => {
    const response = await create({ message: "no commit" });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      message: "Validation Failed",
      errors: ["Commit can't be blank", "Branch can't be blank"],
    });
    expect((await create({ commit: "HEAD", branch: "main" }, h.sim.apiReadOnlyToken)).status).toBe(403);
  });
});
