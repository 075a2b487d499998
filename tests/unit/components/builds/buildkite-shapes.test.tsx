import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BuildView } from "@/components/builds/build-view";
import { BuildsListView } from "@/components/builds/builds-list-view";
import type { BuildJob, BuildSummary } from "@/lib/schemas/builds";
import { renderWithQueries } from "../../../support/component-render";
import { PIPELINE, authStatus, build, job, routeApi, waiter } from "./fixtures";

vi.mock("next/navigation", () => import("./navigation"));

// Shapes Buildkite really sends (tests/fixtures/buildkite-payloads), as the BFF passes them on: a waiter
// with no state, a block step known only by its label, and a creator Buildkite does not name.

const LINT = "11111111-0000-4000-8000-000000000001";
const WAIT = "22222222-0000-4000-8000-000000000002";
const GATE = "33333333-0000-4000-8000-000000000003";
const DEPLOY = "44444444-0000-4000-8000-000000000004";
const BUILD = `/api/v1/pipelines/${PIPELINE}/builds/42`;

const jobs: BuildJob[] = [
  job(LINT, { name: "lint" }),
  waiter(WAIT),
  // The REST API names a block step by `label`; the server reads it into `name`.
  job(GATE, {
    type: "manual",
    name: "Deploy to production?",
    state: "blocked",
    exitStatus: null,
    agentQueryRules: [],
    agentName: null,
    startedAt: null,
    finishedAt: null,
    hasLog: false,
  }),
  job(DEPLOY, { name: "deploy" }),
];

function showBuild(summary: BuildSummary, withCounts: boolean) {
  routeApi([
    [/^\/api\/v1\/auth\/status$/, { data: authStatus(true) }],
    [
      new RegExp(`^${BUILD}$`),
      {
        data: { build: summary, jobs },
        summary: withCounts ? { jobCounts: { passed: 2, failed: 0, running: 0, blocked: 1 }, failedJobIds: [] } : {},
      },
    ],
    [/./, { data: [] }],
  ]);
  renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
}

const fact = (label: string) => screen.getByText(label, { selector: "dt" }).nextElementSibling?.textContent;
const countItems = () =>
  within(screen.getByRole("list", { name: "Jobs by state" }))
    .getAllByRole("listitem")
    .map((item) => item.textContent);

afterEach(() => vi.unstubAllGlobals());

describe("the build page with Buildkite's real shapes", () => {
  it("draws the waiter as a wait step between the jobs, with no state, log or retry of its own", async () => {
    showBuild(build({ state: "passed" }), true);
    await screen.findByText("lint");
    const rows = within(screen.getByRole("table", { name: "Jobs of the build, failed jobs first" }))
      .getAllByRole("row")
      .slice(1);
    expect(rows.map((row) => row.dataset.jobId)).toEqual([LINT, WAIT, GATE, DEPLOY]);
    const wait = rows[1]!;
    expect(wait.dataset.testid).toBe("build-wait-step");
    expect(wait.textContent).toContain("Wait");
    expect(within(wait).queryByTestId("state-badge")).toBeNull();
    expect(within(wait).queryByRole("link")).toBeNull();
    expect(within(wait).queryByRole("button")).toBeNull();
  });

  it("shows a block step by its label and state, with nothing to open or retry, only its unblock", async () => {
    showBuild(build({ state: "passed", blocked: true }), true);
    const gate = (await screen.findByText("Deploy to production?")).closest("tr")!;
    expect(within(gate).getByTestId("state-badge").textContent).toBe("blocked");
    expect(within(gate).queryByRole("link")).toBeNull();
    expect(
      within(gate)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["Unblock"]);
  });

  it("counts no job as waiting when it counts the jobs itself (the server's summary had no counts)", async () => {
    showBuild(build({ state: "passed" }), false);
    await screen.findByText("lint");
    expect(countItems()).toEqual(["passed2", "blocked1"]);
  });

  it("names a creator without a name by their email, or says Buildkite did not name them", async () => {
    showBuild(build({ creator: { name: null, email: "ci-bot@acme.example" } }), true);
    await screen.findByText("lint");
    expect(fact("Creator")).toBe("ci-bot@acme.example");
  });

  it("says a creator with neither name nor email is unnamed", async () => {
    showBuild(build({ creator: { name: null, email: null } }), true);
    await screen.findByText("lint");
    expect(fact("Creator")).toBe("unnamed user");
  });
});

describe("the builds list with Buildkite's real shapes", () => {
  it("lists builds whose creators have no name", async () => {
    routeApi([
      [
        /^\/api\/v1\/builds\?/,
        {
          data: [
            build({ id: "b1", number: 1, creator: { name: null, email: "ci-bot@acme.example" } }),
            build({ id: "b2", number: 2, creator: { name: null, email: null } }),
          ],
          pagination: { page: 1, perPage: 30, prevPage: null, nextPage: null, hasMore: false },
        },
      ],
    ]);
    renderWithQueries(<BuildsListView />);
    await waitFor(() => expect(screen.getAllByTestId("build-row")).toHaveLength(2));
    const [first, second] = screen.getAllByTestId("build-row");
    expect(first?.textContent).toContain("ci-bot@acme.example");
    expect(second?.textContent).toContain("unnamed user");
  });
});
