import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobLogView } from "@/components/logs/job-log-view";
import type { BuildDetail, BuildJob } from "@/lib/builds-view";
import { renderWithQueries } from "../support";
import { FakeLog, fakeScrollLayout, JOB_ID, LOG_REF, numberedLines } from "./fake-log-api";

function job(overrides: Partial<BuildJob> = {}): BuildJob {
  return {
    id: JOB_ID,
    type: "script",
    name: ":jest: Unit tests",
    stepKey: "unit",
    state: "failed",
    exitStatus: 1,
    softFailed: false,
    agentQueryRules: ["queue=default"],
    agentName: "ci-runner-1",
    createdAt: "2026-11-20T09:00:00Z",
    scheduledAt: "2026-11-20T09:00:01Z",
    startedAt: "2026-11-20T09:00:05Z",
    finishedAt: "2026-11-20T09:03:00Z",
    webUrl: null,
    retried: false,
    retriedInJobId: null,
    retriesCount: null,
    hasLog: true,
    ...overrides,
  };
}

function build(jobs: BuildJob[]): BuildDetail {
  return {
    build: {
      id: "0190a0b4-1d2e-4f5a-8b6c-7d8e9f0a1b2c",
      number: LOG_REF.number,
      state: "failed",
      blocked: false,
      branch: "main",
      commit: "78bb6cdd8937934f19a9999d3cb4fbc86e2b385b",
      message: "Checkout v2: apply discount codes before tax\n\nLonger body",
      source: "webhook",
      creator: null,
      pipeline: { slug: LOG_REF.pipeline, name: "Web" },
      createdAt: "2026-11-20T09:00:00Z",
      scheduledAt: null,
      startedAt: null,
      finishedAt: null,
      webUrl: null,
    },
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
    log.build = build([job()]);
    renderWithQueries(<JobLogView pipeline={LOG_REF.pipeline} number={LOG_REF.number} jobId={JOB_ID} />);

    expect(await screen.findByRole("heading", { name: ":jest: Unit tests" })).toBeTruthy();
    expect(screen.getByTestId("job-state").textContent).toBe("failed · exit 1");
    expect(screen.getByText(/build #42 — Checkout v2: apply discount codes before tax$/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to build #42" }).getAttribute("href")).toBe("/builds/web/42");
    await waitFor(() => expect(screen.getByRole("link", { name: "Line 3" })).toBeTruthy());
    expect(screen.getByRole("link", { name: "Download" }).getAttribute("href")).toBe(`/api/v1/pipelines/web/builds/42/jobs/${JOB_ID}/log/download`);
  });

  it("explains that a wait or block step has no log", async () => {
    const log = new FakeLog("").install();
    log.build = build([job({ type: "waiter", name: null, stepKey: null, hasLog: false })]);
    renderWithQueries(<JobLogView pipeline={LOG_REF.pipeline} number={LOG_REF.number} jobId={JOB_ID} />);
    expect((await screen.findByTestId("log-unavailable")).textContent).toContain("This job has no log");
    expect(screen.getByRole("heading", { name: `Job ${JOB_ID.slice(0, 8)}` })).toBeTruthy();
  });
});
