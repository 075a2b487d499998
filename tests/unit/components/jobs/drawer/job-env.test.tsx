import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { JobEnv } from "@/components/jobs/drawer/job-env";
import { renderWithQueries } from "../../../../support/component-render";
import { routeApi } from "../../builds/fixtures";

// The drawer's env: from the Stacks API while it has the job, from the REST API once it no longer does.

const JOB = "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f";
const STACK_JOB = new RegExp(`^/api/v1/stacks/stack-console/jobs/${JOB}$`);
const REST_ENV = new RegExp(`^/api/v1/jobs/${JOB}/env$`);
const notFound = { data: null, error: { type: "not_found", message: "No job found", status: 404 } };

function openEnvironment() {
  renderWithQueries(<JobEnv stackKey="stack-console" jobId={JOB} />);
  const summary = screen.getByText("Environment");
  fireEvent.click(summary);
  (summary.closest("details") as HTMLDetailsElement).open = true;
  fireEvent(summary.closest("details")!, new Event("toggle"));
}

afterEach(() => vi.unstubAllGlobals());

describe("JobEnv", () => {
  it("shows the Stacks API's env and never asks the REST API", async () => {
    const api = routeApi([
      [STACK_JOB, { data: { id: JOB, env: { CI: "true" }, command: "make test" } }],
      [REST_ENV, { data: { jobId: JOB, env: { CI: "rest" } } }],
    ]);
    openEnvironment();
    expect(await screen.findByText("true")).toBeTruthy();
    expect(screen.queryByTestId("rest-env")).toBeNull();
    expect(api.calls().map((call) => call.url.pathname)).toEqual([`/api/v1/stacks/stack-console/jobs/${JOB}`]);
  });

  it("falls back to the REST API's env, saying where it came from, when the Stacks API no longer has the job", async () => {
    routeApi([
      [STACK_JOB, notFound],
      [REST_ENV, { data: { jobId: JOB, env: { BUILDKITE_BRANCH: "main", NPM_TOKEN: "[REDACTED]" } } }],
    ]);
    openEnvironment();
    const rest = await screen.findByTestId("rest-env");
    expect(rest.textContent).toContain(
      "The Stacks API no longer has this job: this environment comes from Buildkite's REST API.",
    );
    expect(within(rest).getByText("main")).toBeTruthy();
    expect(within(rest).getByText("[REDACTED]")).toBeTruthy();
  });

  it("says why when the REST API cannot give the env either", async () => {
    routeApi([
      [STACK_JOB, notFound],
      [
        REST_ENV,
        {
          data: null,
          error: {
            type: "permission_error",
            message: "Your access token doesn't have the read_job_env scope",
            status: 403,
          },
        },
      ],
    ]);
    openEnvironment();
    expect((await screen.findByRole("alert")).textContent).toContain(
      "permission_error: Your access token doesn't have the read_job_env scope",
    );
  });
});
