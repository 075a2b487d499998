import { describe, expect, it } from "vitest";
import { buildPath, withRestHarness, type Harness, type SimFixtures } from "./sim-harness";

interface RestJob {
  id: string;
  type: string;
  name?: string;
  label?: string;
  /** Absent on waiters. */
  state?: string;
  exit_status?: number | null;
  soft_failed?: boolean;
  step_key: string | null;
  web_url?: string;
  log_url?: string;
  raw_log_url?: string;
  agent?: { name: string } | null;
  agent_query_rules?: string[];
  priority?: { number: number };
  retried?: boolean;
  retried_in_job_id?: string | null;
  retries_count?: number;
  retry_source?: { job_id: string; retry_type: string } | null;
  created_at?: string;
  started_at?: string | null;
  finished_at?: string | null;
  triggered_build?: { id: string; number: number; url: string; web_url: string } | null;
  unblockable?: boolean;
}

interface RestBuild {
  id: string;
  number: number;
  state: string;
  blocked: boolean;
  branch: string | null;
  commit: string;
  message: string;
  source: string;
  creator: { id: string; graphql_id?: string; name?: string; email?: string };
  web_url: string;
  created_at: string;
  finished_at: string | null;
  meta_data: Record<string, string>;
  pipeline?: { slug: string; name: string };
  jobs?: RestJob[];
  job_state_counts?: { total: number; states: Record<string, number> };
}

let h: Harness;
let fx: SimFixtures;
withRestHarness((harness, fixtures) => {
  h = harness;
  fx = fixtures;
});

const json = async <T>(response: Response): Promise<T> => (await response.json()) as T;
const builds = async (query: string): Promise<RestBuild[]> =>
  json<RestBuild[]>(await h.rest(`/organizations/acme/builds?per_page=100&${query}`));
const getBuild = async (ref: { pipeline: string; buildNumber: number }, query = ""): Promise<RestBuild> =>
  json<RestBuild>(await h.rest(`${buildPath(ref)}${query}`));
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UTC_FORM = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/;

describe("GET /v2/access-token", () => {
  it("describes either REST token without needing any scope, dates in the `… UTC` form", async () => {
    const full = await json<{
      uuid: string;
      scopes: string[];
      created_at: string;
      expires_at: string | null;
      user: { name: string; email: string };
    }>(await h.rest("/access-token"));
    expect(full.scopes).toEqual(
      expect.arrayContaining(["read_builds", "write_builds", "read_build_logs", "read_artifacts"]),
    );
    expect(full.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(full.created_at).toMatch(UTC_FORM);
    expect(full.user).toEqual({ name: "Demo Operator", email: "demo-operator@acme.example" });

    const readOnly = await json<{ scopes: string[]; expires_at: string }>(
      await h.rest("/access-token", {}, h.sim.apiReadOnlyToken),
    );
    expect(readOnly.scopes.every((scope) => scope.startsWith("read_"))).toBe(true);
    expect(readOnly.expires_at).toMatch(UTC_FORM);
  });

  it("answers 401 without a valid token", async () => {
    expect((await h.rest("/access-token", {}, "bkua_nope")).status).toBe(401);
  });
});

describe("listing builds", () => {
  it("lists newest first with jobs and pipeline, on all three paths, 30 a page by default with a Link header", async () => {
    const response = await h.rest("/organizations/acme/builds");
    const page = await json<RestBuild[]>(response);
    expect(page).toHaveLength(30);
    const created = page.map((build) => Date.parse(build.created_at));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(response.headers.get("link")).toMatch(
      /<http:\/\/127\.0\.0\.1:\d+\/v2\/organizations\/acme\/builds\?page=2&per_page=30>; rel="next"/,
    );
    expect(page[0]?.jobs?.length).toBeGreaterThan(0);
    expect(page[0]?.pipeline?.slug).toEqual(expect.any(String));
    expect(page[0]?.created_at).toMatch(ISO_MS);

    const everywhere = await json<RestBuild[]>(await h.rest("/builds?per_page=100"));
    const org = await builds("");
    expect(everywhere.map((build) => build.id)).toEqual(org.map((build) => build.id));
    const web = await json<RestBuild[]>(await h.rest("/organizations/acme/pipelines/web/builds?per_page=100"));
    expect(web.length).toBeGreaterThan(3);
    expect(web.every((build) => build.pipeline?.slug === "web")).toBe(true);
  });

  it("pages with page and per_page (capped at 100) and links first, prev, next and last", async () => {
    const all = await builds("");
    const second = await h.rest("/organizations/acme/builds?page=2&per_page=5");
    expect((await json<RestBuild[]>(second)).map((build) => build.id)).toEqual(
      all.slice(5, 10).map((build) => build.id),
    );
    const link = second.headers.get("link") ?? "";
    for (const rel of ["first", "prev", "next", "last"]) expect(link).toContain(`rel="${rel}"`);
    const capped = await json<RestBuild[]>(await h.rest("/organizations/acme/builds?per_page=500"));
    expect(capped.length).toBe(Math.min(100, all.length));
    const last = await h.rest(`/organizations/acme/builds?page=${Math.ceil(all.length / 5)}&per_page=5`);
    expect(last.headers.get("link")).not.toContain('rel="next"');
  });

  it("refuses to list builds too deep with the documented 400", async () => {
    const response = await h.rest("/organizations/acme/builds?page=101&per_page=100");
    expect(response.status).toBe(400);
    expect((await json<{ message: string }>(response)).message).toMatch(/^Listing builds this deep is not supported/);
    expect((await h.rest("/organizations/acme/builds?page=100&per_page=100")).status).toBe(200);
  });

  it("filters by branch, branch[] and * wildcards", async () => {
    const main = await builds("branch=main");
    expect(main.length).toBeGreaterThan(0);
    expect(main.every((build) => build.branch === "main")).toBe(true);
    const two = await builds("branch[]=main&branch[]=feature/checkout-v2");
    expect(new Set(two.map((build) => build.branch))).toEqual(new Set(["main", "feature/checkout-v2"]));
    const wild = await builds("branch=*checkout*");
    expect(wild.length).toBeGreaterThan(0);
    expect(wild.every((build) => build.branch?.includes("checkout"))).toBe(true);
    expect(await builds("branch=release/*")).toEqual(
      expect.arrayContaining([expect.objectContaining({ branch: "release/2026.11" })]),
    );
  });

  it("filters by state, state[] and finished (passed, failed, blocked, canceled)", async () => {
    const failed = await builds("state=failed");
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.every((build) => build.state === "failed")).toBe(true);
    const either = await builds("state[]=passed&state[]=canceled");
    expect(new Set(either.map((build) => build.state))).toEqual(new Set(["passed", "canceled"]));
    const finished = await builds("state=finished");
    expect(new Set(finished.map((build) => build.state))).toEqual(new Set(["passed", "failed", "canceled"]));
    const blocked = await builds("state=blocked");
    expect(blocked.map((build) => build.number)).toEqual([fx.blockedBuild.buildNumber]);
    expect(blocked[0]).toMatchObject({ state: "passed", blocked: true });
    const running = await builds("state=running");
    expect(running.map((build) => build.number)).toContain(fx.runningBuild.buildNumber);
  });

  it("filters by commit, creator, meta_data and dates", async () => {
    const target = await getBuild(fx.annotatedBuild);
    expect((await builds(`commit=${target.commit}`)).map((build) => build.id)).toEqual([target.id]);
    const byCreator = await builds(`creator=${encodeURIComponent(target.creator.email ?? "")}`);
    expect(byCreator.map((build) => build.id)).toContain(target.id);
    expect(byCreator.every((build) => build.creator.email === target.creator.email)).toBe(true);
    expect((await builds("meta_data[release-train]=2026.12")).map((build) => build.id)).toEqual([target.id]);
    expect(await builds("meta_data[release-train]=1999.01")).toEqual([]);

    const created = Date.parse(target.created_at);
    const window = await builds(
      `created_from=${new Date(created).toISOString()}&created_to=${new Date(created + 1).toISOString()}`,
    );
    expect(window.map((build) => build.id)).toEqual([target.id]);
    const since = await builds(`finished_from=${new Date(Date.now() - 3 * 3_600_000).toISOString()}`);
    expect(since.length).toBeGreaterThan(0);
    expect(
      since.every((build) => build.finished_at !== null && Date.parse(build.finished_at) >= Date.now() - 3 * 3_600_000),
    ).toBe(true);
    expect((await h.rest("/organizations/acme/builds?created_from=yesterday")).status).toBe(422);
  });

  it("leaves out jobs and pipeline when asked (exclude_jobs, exclude_pipeline)", async () => {
    const [build] = await builds("exclude_jobs=true&exclude_pipeline=true");
    expect(build).toBeDefined();
    expect(build).not.toHaveProperty("jobs");
    expect(build).not.toHaveProperty("pipeline");
  });

  it("answers 404 for an unknown organisation or pipeline", async () => {
    expect((await h.rest("/organizations/other/builds")).status).toBe(404);
    expect((await h.rest("/organizations/acme/pipelines/nope/builds")).status).toBe(404);
  });
});

describe("getting a build", () => {
  it("has jobs with the reference's fields, job_state_counts, and REST states (no `finished`)", async () => {
    const build = await getBuild(fx.annotatedBuild);
    expect(build).toMatchObject({
      number: fx.annotatedBuild.buildNumber,
      state: "failed",
      blocked: false,
      branch: "feature/checkout-v2",
      source: "webhook",
    });
    expect(build.web_url).toBe(`https://buildkite.com/acme/web/builds/${fx.annotatedBuild.buildNumber}`);
    const failed = build.jobs?.find((job) => job.id === fx.failedJob.jobId);
    expect(failed).toMatchObject({
      type: "script",
      state: "failed",
      exit_status: 1,
      soft_failed: false,
      retried: false,
      retried_in_job_id: null,
      retries_count: 0,
      retry_source: null,
      priority: { number: 0 },
    });
    expect(failed?.web_url).toBe(`${build.web_url}#${fx.failedJob.jobId}`);
    expect(failed?.log_url).toBe(`${h.sim.restApiUrl}${buildPath(fx.failedJob)}/jobs/${fx.failedJob.jobId}/log`);
    expect(failed?.raw_log_url).toBe(`${failed?.log_url}.txt`);
    expect(failed?.agent?.name).toEqual(expect.any(String));
    expect(failed?.started_at).toMatch(ISO_MS);
    expect(build.jobs?.find((job) => job.id === fx.softFailedJob.jobId)).toMatchObject({
      state: "failed",
      soft_failed: true,
      exit_status: 1,
    });
    expect(build.jobs?.some((job) => job.state === "finished")).toBe(false);
    expect(build.job_state_counts).toEqual({ total: 4, states: { passed: 2, failed: 2 } });
  });

  it("shows timed out, canceled, waiter, block and trigger jobs", async () => {
    const slow = await getBuild(fx.timedOutJob);
    expect(slow.jobs?.find((job) => job.id === fx.timedOutJob.jobId)).toMatchObject({ state: "timed_out" });
    const canceled = await getBuild(fx.canceledBuildJob);
    expect(canceled.state).toBe("canceled");
    expect(canceled.jobs?.find((job) => job.id === fx.canceledBuildJob.jobId)).toMatchObject({ state: "canceled" });

    const gated = await getBuild(fx.blockedBuild);
    expect(gated).toMatchObject({ state: "passed", blocked: true, meta_data: { release: "2026.11.3" } });
    // As Buildkite sends them: a waiter is its ids and type alone, a block step has a label and no name.
    expect(gated.jobs?.find((job) => job.id === fx.waiterJob.jobId)).toEqual({
      id: fx.waiterJob.jobId,
      graphql_id: expect.any(String),
      type: "waiter",
    });
    const manual = gated.jobs?.find((job) => job.id === fx.manualJob.jobId);
    expect(manual).toMatchObject({
      type: "manual",
      state: "blocked",
      label: ":rocket: Deploy to production?",
      unblockable: true,
    });
    expect(manual).not.toHaveProperty("name");
    expect(gated.jobs?.map((job) => job.state)).toContain("waiting");

    const triggering = await getBuild(fx.triggerJob);
    const trigger = triggering.jobs?.find((job) => job.id === fx.triggerJob.jobId);
    expect(trigger).toMatchObject({ type: "trigger", state: "passed" });
    expect(trigger?.triggered_build?.web_url).toMatch(/^https:\/\/buildkite\.com\/acme\/docs\/builds\/\d+$/);
    expect(trigger).not.toHaveProperty("log_url");
  });

  it("counts a passed build's jobs without its waiter, which has no state to count", async () => {
    const green = await getBuild(fx.passedBuild);
    expect(green.state).toBe("passed");
    const waiters = green.jobs?.filter((job) => job.type === "waiter") ?? [];
    expect(waiters).toHaveLength(1);
    expect(waiters[0]).not.toHaveProperty("state");
    expect(green.job_state_counts).toEqual({ total: 4, states: { passed: 4 } });
  });

  it("serves one build's creator with ids only, as a captured build list does", async () => {
    const nameless = await getBuild(fx.namelessCreatorBuild);
    expect(nameless.creator).toEqual({ id: expect.any(String), graphql_id: expect.any(String) });
    expect((await getBuild(fx.annotatedBuild)).creator).toMatchObject({
      name: expect.any(String),
      email: expect.any(String),
    });
  });

  it("shows a job scheduled in the Stacks API as the same job, same id, in its REST build", async () => {
    const [id] = await h.listIds("limit=1");
    const body = (await (await h.api(`/stacks/stack-console/scheduled-jobs?queue_key=_default&limit=1`)).json()) as {
      jobs: { pipeline: { slug: string }; build: { number: number } }[];
    };
    const listed = body.jobs[0];
    const build = await getBuild({ pipeline: listed?.pipeline.slug ?? "", buildNumber: listed?.build.number ?? 0 });
    expect(build.jobs?.find((job) => job.id === id)).toMatchObject({ state: "scheduled", type: "script" });
  });

  it("answers 404 for a build number that does not exist", async () => {
    const response = await h.rest("/organizations/acme/pipelines/web/builds/999999");
    expect(response.status).toBe(404);
    expect(await json<{ message: string }>(response)).toEqual({ message: "No build found" });
  });
});

describe("pipelines", () => {
  it("lists pipelines with `… UTC` created_at, filtered by name and repository; needs read_pipelines", async () => {
    const all = await json<
      { slug: string; name: string; repository: string; created_at: string; default_branch: string }[]
    >(await h.rest("/organizations/acme/pipelines"));
    expect(all.map((pipeline) => pipeline.slug).sort()).toEqual(["api", "docs", "infra", "mobile-ios", "web"]);
    expect(all[0]?.created_at).toMatch(UTC_FORM);
    const named = await json<{ slug: string }[]>(await h.rest("/organizations/acme/pipelines?name=mobile"));
    expect(named.map((pipeline) => pipeline.slug)).toEqual(["mobile-ios"]);
    const repo = await json<{ slug: string }[]>(
      await h.rest(`/organizations/acme/pipelines?repository=${encodeURIComponent("git@github.com:acme/api.git")}`),
    );
    expect(repo.map((pipeline) => pipeline.slug)).toEqual(["api"]);
  });
});

describe("job env", () => {
  it("returns the job's env under read_job_env, 404 for jobs without one", async () => {
    const { env } = await json<{ env: Record<string, string> }>(
      await h.rest(`${buildPath(fx.failedJob)}/jobs/${fx.failedJob.jobId}/env`, {}, h.sim.apiReadOnlyToken),
    );
    expect(env).toMatchObject({
      BUILDKITE_JOB_ID: fx.failedJob.jobId,
      BUILDKITE_BUILD_NUMBER: String(fx.failedJob.buildNumber),
      BUILDKITE_PIPELINE_SLUG: "web",
    });
    const byOrg = await json<{ env: Record<string, string> }>(
      await h.rest(`/organizations/acme/jobs/${fx.failedJob.jobId}/env`),
    );
    expect(byOrg.env).toEqual(env);
    expect((await h.rest(`${buildPath(fx.waiterJob)}/jobs/${fx.waiterJob.jobId}/env`)).status).toBe(404);
  });
});
