import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobLogView } from "@/components/logs/job-log-view";
import type { BuildDetail, BuildJob } from "@/lib/schemas/builds";
import { build, job } from "../builds/fixtures";
import { renderWithQueries } from "../../../support/component-render";
import { FakeLog, fakeScrollLayout, JOB_ID, LOG_REF, numberedLines } from "./fake-log-api";

const failedJob = (overrides: Partial<BuildJob> = {}) =>
  job(JOB_ID, { name: ":jest: Unit tests", stepKey: "unit", state: "failed", exitStatus: "1", ...overrides });

function detail(jobs: BuildJob[]): BuildDetail {
  const pipeline = { slug: LOG_REF.pipeline, name: "Web" };
  return {
    build: build({
      number: LOG_REF.number,
      pipeline,
      message: "Checkout v2: apply discount codes before tax\n\nLonger body",
    }),
    jobs,
  };
}

let layout: ReturnType<typeof fakeScrollLayout>;
beforeEach(() => {
  layout = fakeScrollLayout();
  window.history.replaceState(null, "", "/builds/web/42/jobs/x");
});
afterEach(() => {
  layout.restore();
  vi.unstubAllGlobals();
});

describe("JobLogView", () => {
  it("names the job and its build, links back to the build, and shows the log", async () => {
    const log = new FakeLog(numberedLines(3)).install();
    log.build = detail([failedJob()]);
    renderWithQueries(<JobLogView pipeline={LOG_REF.pipeline} number={LOG_REF.number} jobId={JOB_ID} />);

    expect(await screen.findByRole("heading", { name: ":jest: Unit tests" })).toBeTruthy();
    expect(screen.getByTestId("job-state").textContent).toBe("failed · exit 1");
    expect(screen.getByText(/build #42 — Checkout v2: apply discount codes before tax$/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to build #42" }).getAttribute("href")).toBe("/builds/web/42");
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 3" })).toBeTruthy());
    expect(screen.getByRole("link", { name: "Download" }).getAttribute("href")).toBe(
      `/api/v1/pipelines/web/builds/42/jobs/${JOB_ID}/log/download`,
    );
  });

  it("keeps a retried attempt's name and state, and links it to its retry's log and back", async () => {
    const RETRY_ID = "55555555-0000-4000-8000-000000000005";
    const log = new FakeLog(numberedLines(3)).install();
    const retry = failedJob({
      state: "scheduled",
      exitStatus: null,
      retriesCount: 1,
      retrySource: { jobId: JOB_ID, retryType: "manual" },
    });
    log.build = detail([failedJob({ retried: true, retriedInJobId: RETRY_ID }), { ...retry, id: RETRY_ID }]);
    renderWithQueries(<JobLogView pipeline={LOG_REF.pipeline} number={LOG_REF.number} jobId={JOB_ID} />);

    expect(await screen.findByRole("heading", { name: ":jest: Unit tests" })).toBeTruthy();
    expect(screen.getByTestId("job-state").textContent).toBe("failed · exit 1");
    expect(screen.getByTestId("job-attempts").textContent).toBe("retried — see attempt 2");
    expect(screen.getByRole("link", { name: "attempt 2" }).getAttribute("href")).toBe(
      `/builds/web/42/jobs/${RETRY_ID}`,
    );
  });

  it("explains that a wait or block step has no log", async () => {
    const log = new FakeLog("").install();
    log.build = detail([failedJob({ type: "waiter", name: null, stepKey: null, hasLog: false })]);
    renderWithQueries(<JobLogView pipeline={LOG_REF.pipeline} number={LOG_REF.number} jobId={JOB_ID} />);
    expect((await screen.findByTestId("log-unavailable")).textContent).toContain("This job has no log");
    expect(screen.getByRole("heading", { name: `Job ${JOB_ID.slice(0, 8)}` })).toBeTruthy();
  });
});
