import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BuildView } from "@/components/builds/build-view";
import type { BuildJob } from "@/lib/schemas/builds";
import { renderWithQueries } from "../../../support/component-render";
import { PIPELINE, annotation, artifact, authStatus, build, job, routeApi, waiter, type Answer } from "./fixtures";

vi.mock("next/navigation", () => import("./navigation"));

const PASSED = "11111111-0000-4000-8000-000000000001";
const FAILED = "22222222-0000-4000-8000-000000000002";
const TIMED_OUT = "33333333-0000-4000-8000-000000000003";
const SCHEDULED = "44444444-0000-4000-8000-000000000004";
const RETRY = "55555555-0000-4000-8000-000000000005";
const BUILD = `/api/v1/pipelines/${PIPELINE}/builds/42`;

const retryOfFailed = () =>
  job(RETRY, {
    name: "unit tests",
    state: "scheduled",
    exitStatus: null,
    retriesCount: 1,
    retrySource: { jobId: FAILED, retryType: "manual" },
  });

const jobs: BuildJob[] = [
  job(PASSED, { name: "lint" }),
  waiter("99999999-0000-4000-8000-000000000009"),
  job(FAILED, { name: "unit tests", state: "failed", exitStatus: "1", agentName: "agent-7" }),
  job(SCHEDULED, {
    name: "deploy",
    state: "scheduled",
    exitStatus: null,
    agentName: null,
    startedAt: null,
    finishedAt: null,
  }),
  job(TIMED_OUT, { name: "e2e", state: "timed_out", exitStatus: "-1", hasLog: false }),
];

interface Options {
  retryReady?: boolean;
  jobs?: BuildJob[];
  annotations?: Answer;
  artifacts?: Answer;
  retry?: Answer;
}

function buildApi({ retryReady = true, jobs: buildJobs = jobs, annotations, artifacts, retry }: Options = {}) {
  let retried = false;
  const api = routeApi([
    [/^\/api\/v1\/auth\/status$/, { data: authStatus(retryReady) }],
    [new RegExp(`^${BUILD}/jobs/[^/]+/retry$`), () => ((retried = true), retry ?? { data: { job: retryOfFailed() } })],
    [new RegExp(`^${BUILD}/annotations$`), annotations ?? { data: [] }],
    [new RegExp(`^${BUILD}/artifacts$`), artifacts ?? { data: [] }],
    [
      new RegExp(`^${BUILD}$`),
      () => ({
        data: {
          build: build(),
          jobs: retried
            ? [
                ...buildJobs.map((j) => (j.id === FAILED ? { ...j, retried: true, retriedInJobId: RETRY } : j)),
                retryOfFailed(),
              ]
            : buildJobs,
        },
        summary: retried
          ? { jobCounts: { passed: 1, retried: 1, timed_out: 1, scheduled: 2 }, failedJobIds: [TIMED_OUT] }
          : { jobCounts: { passed: 1, failed: 1, timed_out: 1, scheduled: 1 }, failedJobIds: [TIMED_OUT, FAILED] },
      }),
    ],
  ]);
  return { ...api, posts: () => api.calls().filter((call) => call.method === "POST") };
}

const rows = () => screen.getAllByTestId("build-job");
afterEach(() => vi.unstubAllGlobals());

describe("BuildView", () => {
  it("shows the build's header: state, number, branch, commit, creator, message and its Buildkite link", async () => {
    buildApi();
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    expect(await screen.findByText("Fix the flaky login test")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("web-app #42");
    expect(screen.getByText("It waited on the wrong element.")).toBeTruthy();
    expect(screen.getByText("abcdef0")).toBeTruthy();
    expect(screen.getByText("Pat Example")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open in Buildkite" }).getAttribute("href")).toBe(
      "https://buildkite.com/acme/web-app/builds/42",
    );
    expect(
      within(screen.getByRole("list", { name: "Jobs by state" }))
        .getAllByRole("listitem")
        .map((item) => item.textContent),
    ).toEqual(["failed1", "timed out1", "scheduled1", "passed1"]);
  });

  it("lists the failed jobs first, in the server's order, then the rest in build order with the wait step between them", async () => {
    buildApi();
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await screen.findByText("unit tests");
    expect(rows().map((row) => row.dataset.jobId)).toEqual([TIMED_OUT, FAILED, PASSED, SCHEDULED]);
    const table = screen.getByRole("table", { name: "Jobs of the build, failed jobs first" });
    expect(
      within(table)
        .getAllByRole("row")
        .map((row) => row.dataset.testid ?? "header"),
    ).toEqual(["header", "build-job", "build-job", "build-job", "build-wait-step", "build-job"]);
    expect(rows().map((row) => row.dataset.failed === "true")).toEqual([true, true, false, false]);
    const failed = rows()[1]!;
    expect(failed.textContent).toContain("agent-7");
    expect(within(failed).getByText("1").className).toContain("font-mono");
    expect(screen.getByText("2 failed jobs listed first.")).toBeTruthy();
  });

  it("links jobs with a log to their log page, and scheduled jobs back to the stack's queue", async () => {
    buildApi();
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await screen.findByText("unit tests");
    expect(screen.getByRole("link", { name: "Log of job 22222222" }).getAttribute("href")).toBe(
      `/builds/web-app/42/jobs/${FAILED}`,
    );
    expect(screen.queryByRole("link", { name: "Log of job 33333333" })).toBeNull();
    await waitFor(() =>
      expect(screen.getByRole("link", { name: "Open job 44444444 in the stack's queue" }).getAttribute("href")).toBe(
        `/stacks/stack-console?job=${SCHEDULED}`,
      ),
    );
    expect(screen.queryByRole("link", { name: "Open job 11111111 in the stack's queue" })).toBeNull();
  });

  it("disables retry with the reason when the REST token lacks write_builds, and sends nothing", async () => {
    const api = buildApi({ retryReady: false });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    const reason = await screen.findByText(
      "Retry is unavailable: the console's REST API token lacks the write_builds scope.",
    );
    const retry = screen.getByRole("button", { name: "Retry job 22222222" }) as HTMLButtonElement;
    await waitFor(() => expect(retry.disabled).toBe(true));
    expect(retry.getAttribute("aria-describedby")).toBe(reason.id);
    expect((screen.getByRole("button", { name: "Retry job 33333333" }) as HTMLButtonElement).disabled).toBe(true);
    // Only failed, timed out and canceled jobs can be retried at all.
    expect(screen.queryByRole("button", { name: "Retry job 11111111" })).toBeNull();
    fireEvent.click(retry);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.posts()).toEqual([]);
  });

  it("says the scopes are unknown, not missing, when the console could not read its REST token", async () => {
    const auth = authStatus(false);
    routeApi([
      [
        /^\/api\/v1\/auth\/status$/,
        {
          data: {
            ...auth,
            rest: { ...auth.rest, valid: null, scopes: [], error: { status: 503, message: "Service Unavailable" } },
          },
        },
      ],
      [
        new RegExp(`^${BUILD}$`),
        { data: { build: build(), jobs }, summary: { jobCounts: {}, failedJobIds: [FAILED] } },
      ],
      [/./, { data: [] }],
    ]);
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    expect(
      await screen.findByText(
        "Retry is unavailable: the console could not read its REST API token's scopes (Service Unavailable).",
      ),
    ).toBeTruthy();
    expect((screen.getByRole("button", { name: "Retry job 22222222" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("retries a failed job after confirmation, shows the new job, and reads the build again", async () => {
    const api = buildApi({ retryReady: true });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await screen.findByText("unit tests");
    const retry = screen.getByRole("button", { name: "Retry job 22222222" }) as HTMLButtonElement;
    await waitFor(() => expect(retry.disabled).toBe(false));
    fireEvent.click(retry);
    const dialog = screen.getByRole("alertdialog", { name: "Retry job 22222222?" });
    expect(dialog.textContent).toContain("unit tests");
    expect(api.posts()).toEqual([]);

    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));
    const status = (await screen.findByText(/retried as new job/)).closest("[role=status]");
    expect(status?.textContent).toContain("Job 22222222 retried as new job 55555555 (scheduled).");
    expect(screen.getByTestId("retried-job-link").getAttribute("href")).toBe(`#job-${RETRY}`);
    expect(api.posts().map((call) => call.url.pathname)).toEqual([`${BUILD}/jobs/${FAILED}/retry`]);
    // The build is read again: the new job is listed and the old one says where it went.
    await waitFor(() => expect(rows().map((row) => row.dataset.jobId)).toContain(RETRY));
    expect(screen.queryByRole("button", { name: "Retry job 22222222" })).toBeNull();
    const old = rows().find((row) => row.dataset.jobId === FAILED)!;
    expect(within(old).getByRole("link", { name: "attempt 2" }).getAttribute("href")).toBe(`#job-${RETRY}`);
  });

  it("shows both attempts of a retried job, each linked to the other, the failed one no longer listed first", async () => {
    const retried = job(FAILED, {
      name: "unit tests",
      state: "failed",
      exitStatus: "1",
      retried: true,
      retriedInJobId: RETRY,
    });
    const attempts = [job(PASSED, { name: "lint" }), retried, retryOfFailed()];
    routeApi([
      [/^\/api\/v1\/auth\/status$/, { data: authStatus(true) }],
      [
        new RegExp(`^${BUILD}$`),
        {
          data: { build: build(), jobs: attempts },
          summary: { jobCounts: { passed: 1, retried: 1, scheduled: 1 }, failedJobIds: [] },
        },
      ],
      [/./, { data: [] }],
    ]);
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await waitFor(() => expect(rows().map((row) => row.dataset.jobId)).toEqual([PASSED, FAILED, RETRY]));
    const [, old, fresh] = rows() as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(old).getByTestId("state-badge").textContent).toBe("failed");
    expect(within(old).getByTestId("job-attempts").textContent).toBe("retried — see attempt 2");
    expect(within(old).getByRole("link", { name: "attempt 2" }).getAttribute("href")).toBe(`#job-${RETRY}`);
    expect(within(old).queryByRole("button", { name: /^Retry/ })).toBeNull();
    expect(within(fresh).getByTestId("job-attempts").textContent).toBe("attempt 2, retry of 22222222");
    expect(within(fresh).getByRole("link", { name: "22222222" }).getAttribute("href")).toBe(`#job-${FAILED}`);
    expect(screen.queryByText(/failed jobs? listed first/)).toBeNull();
  });

  it("says why a retry failed", async () => {
    buildApi({
      retry: {
        data: null,
        error: {
          type: "validation_error",
          message: "Only failed, timed out or canceled jobs can be retried",
          status: 400,
        },
      },
    });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await screen.findByText("unit tests");
    const retry = screen.getByRole("button", { name: "Retry job 33333333" }) as HTMLButtonElement;
    await waitFor(() => expect(retry.disabled).toBe(false));
    fireEvent.click(retry);
    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Only failed, timed out or canceled jobs can be retried",
    );
  });

  it("renders each annotation's sanitised HTML, framed by its style, highest priority first", async () => {
    buildApi({
      annotations: {
        data: [
          annotation("low", {
            style: "info",
            priority: 1,
            context: "coverage",
            bodyHtml: "<p>Coverage <strong>81%</strong></p>",
          }),
          annotation("high", {
            style: "error",
            priority: 8,
            context: "junit",
            bodyHtml: '<h3>2 failures</h3><ul><li><a href="/x">login</a></li></ul>',
          }),
          annotation("mid", { style: "warning", priority: 3, context: "lint" }),
        ],
      },
    });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await screen.findByText("2 failures");
    const cards = screen.getAllByTestId("annotation");
    expect(cards.map((card) => card.dataset.style)).toEqual(["error", "warning", "info"]);
    expect(screen.getByRole("article", { name: /Error\s*junit/ })).toBe(cards[0]);
    expect(within(cards[0]!).getByRole("link", { name: "login" }).getAttribute("href")).toBe("/x");
    expect(within(cards[2]!).getByText("81%").tagName).toBe("STRONG");
  });

  it("lists artifacts with readable sizes, exact bytes, short copyable sha1 and download links, and the totals", async () => {
    buildApi({
      artifacts: {
        data: [
          artifact("small", { fileSize: 512, sha1sum: "da39a3ee5e6b4b0d3255bfef95601890afd80709" }),
          artifact("big", {
            path: "coverage/report.tar.gz",
            filename: "report.tar.gz",
            fileSize: 5 * 1024 * 1024 + 300_000,
          }),
          artifact("pending", { state: "new" }),
        ],
        summary: { count: 3, totalBytes: 5_543_492 },
      },
    });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    const rowsOf = await screen.findAllByTestId("artifact");
    const sizes = screen.getAllByTestId("artifact-size");
    expect(sizes.map((size) => size.textContent)).toEqual(["512 B", "5.3 MiB", "100 B"]);
    expect(sizes[1]!.getAttribute("title")).toBe("5,542,880 bytes");
    expect(within(rowsOf[0]!).getByTitle("da39a3ee5e6b4b0d3255bfef95601890afd80709").textContent).toBe("da39a3ee5e");
    expect(within(rowsOf[0]!).getByRole("button", { name: "Copy SHA-1 of dist/small.txt" })).toBeTruthy();
    const download = within(rowsOf[1]!).getByRole("link", { name: "Download coverage/report.tar.gz" });
    expect(download.getAttribute("href")).toBe(artifact("big").downloadUrl);
    expect(download.getAttribute("download")).toBe("report.tar.gz");
    // An artifact still uploading has nothing to download yet.
    expect(within(rowsOf[2]!).queryByRole("link")).toBeNull();
    expect(screen.getByTestId("artifact-totals").textContent).toBe("3 artifacts, 5.3 MiB in total");
  });

  it("says so when Buildkite has no such build", async () => {
    routeApi([
      [/^\/api\/v1\/auth\/status$/, { data: authStatus(true) }],
      [/./, { data: null, error: { type: "not_found", message: "Not Found", status: 404 } }],
    ]);
    renderWithQueries(<BuildView pipeline={PIPELINE} number={7} />);
    expect((await screen.findByRole("alert")).textContent).toContain("Buildkite has no build #7 in pipeline web-app");
  });
});
