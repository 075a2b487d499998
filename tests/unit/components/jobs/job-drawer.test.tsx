import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { JobDrawer } from "@/components/jobs/job-drawer";
import { API_VERSION } from "@/lib/api/envelope";
import { scheduledJobsQuery } from "@/lib/queries/stacks";
import type { ScheduledJob } from "@/lib/schemas/jobs";

/**
 * Renders with a query client that stays across rerenders (a new row, or none). `listed` stands for the
 * stack page's read of the scheduled list, which the drawer watches but never makes.
 */
function renderWithQueries(ui: ReactNode, listed: ScheduledJob[] | null = null, listedAt = Date.now()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  if (listed) setListed(client, listed, listedAt);
  const view = render(ui, {
    wrapper: ({ children }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>,
  });
  return { ...view, client };
}

function setListed(client: QueryClient, listed: ScheduledJob[], updatedAt: number) {
  client.setQueryData(
    scheduledJobsQuery("stack-console", "default").queryKey,
    {
      ok: true as const,
      apiVersion: API_VERSION,
      command: "jobs.scheduled.list",
      request: {},
      summary: {},
      pagination: null,
      data: listed,
      error: null,
    },
    { updatedAt },
  );
}

const JOB = "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f";
const BUILD_PAGE = "https://buildkite.com/acme/web-app/builds/42";
afterEach(() => vi.unstubAllGlobals());

const row: ScheduledJob = {
  id: JOB,
  priority: 0,
  agentQueryRules: ["queue=default"],
  scheduledAt: "2026-11-30T12:00:00Z",
  runnableAt: null,
  pipeline: { slug: "web-app", uuid: null },
  build: { uuid: null, number: 42, branch: "feature/login" },
  step: { key: "e2e" },
};

const envelope = (data: unknown) =>
  Response.json({
    ok: true,
    apiVersion: API_VERSION,
    command: "x",
    request: {},
    summary: {},
    pagination: null,
    data,
    error: null,
  });

/** The console's API for one job: its state (mutable), an empty history, its environment and its build. */
function stubConsole(initial: { state?: string; env?: Record<string, string> }) {
  const world = { state: initial.state };
  const fetchMock = vi.fn(async (url: string) => {
    const path = new URL(url, "http://console.test").pathname;
    if (path.endsWith("/job-states"))
      return envelope(
        world.state === undefined ? { states: {}, unknown: [JOB] } : { states: { [JOB]: world.state }, unknown: [] },
      );
    if (path.endsWith("/history"))
      return envelope({
        events: [],
        notificationsSent: 0,
        notificationCap: 100,
        notificationMaxChars: 240,
        reservation: null,
      });
    if (path.endsWith(`/jobs/${JOB}`)) return envelope({ id: JOB, env: initial.env ?? {}, command: "make test" });
    if (path === "/api/v1/pipelines/web-app/builds/42")
      return envelope({
        build: {
          id: "b",
          number: 42,
          state: "running",
          blocked: false,
          branch: "feature/login",
          commit: "abc",
          message: null,
          source: null,
          creator: null,
          pipeline: { slug: "web-app", name: null },
          createdAt: null,
          scheduledAt: null,
          startedAt: null,
          finishedAt: null,
          webUrl: BUILD_PAGE,
        },
        jobs: [],
      });
    throw new Error(`unexpected request ${path}`);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { world, requests: () => fetchMock.mock.calls.map(([url]) => String(url)) };
}

function drawer(job: ScheduledJob | undefined, jobId = JOB) {
  return <JobDrawer stackKey="stack-console" queueKey="default" jobId={jobId} job={job} onClose={() => {}} />;
}

describe("JobDrawer", () => {
  it("says an id that is not a job id is no job, and asks Buildkite nothing", () => {
    const api = stubConsole({ state: "scheduled" });
    renderWithQueries(drawer(undefined, "not-a-uuid"));
    const panel = screen.getByTestId("no-such-job");
    expect(within(panel).getByRole("heading", { name: "No such job" })).toBeTruthy();
    expect(panel.textContent).toContain("not-a-uuid is not a job id");
    expect(screen.queryByRole("button", { name: "Reserve" })).toBeNull();
    expect(screen.queryByText("loading…")).toBeNull();
    expect(api.requests()).toEqual([]);
  });

  it("says a job Buildkite does not know is no job, and offers nothing to do", async () => {
    stubConsole({});
    renderWithQueries(drawer(undefined));
    await waitFor(() => expect(screen.getByTestId("no-such-job").textContent).toContain("Buildkite knows no job"));
    expect(screen.queryByRole("button", { name: "Reserve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Finish job…" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Send notification" })).toBeNull();
    expect(screen.queryByText("unknown")).toBeNull();
  });

  it("keeps the job's last row once it leaves the list, links to it, and offers only what its state allows", async () => {
    const api = stubConsole({ state: "scheduled" });
    const view = renderWithQueries(drawer(row));
    await waitFor(() => expect(screen.getByRole("status", { name: "State" }).textContent).toBe("scheduled"));
    expect(screen.getByRole("button", { name: "Reserve" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Finish job…" })).toBeTruthy();

    // Someone else's agent took it: it leaves the scheduled list and runs.
    api.world.state = "running";
    view.rerender(drawer(undefined));
    await waitFor(() => expect(screen.getByRole("status", { name: "State" }).textContent).toBe("running"), {
      timeout: 3000,
    });
    expect(screen.getByText("web-app")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Build #42" })).toBeTruthy();
    expect(screen.getByText("feature/login")).toBeTruthy();
    expect(screen.getByText("Waited")).toBeTruthy();
    expect(screen.getByTestId("context-source").textContent).toContain("left the scheduled list");

    expect(screen.queryByRole("button", { name: "Reserve" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Finish job…" })).toBeNull();
    expect(screen.getAllByTestId("action-unavailable").map((note) => note.textContent)).toEqual([
      "The job is running: only a scheduled job can be reserved.",
      "The job is running: only a scheduled or reserved job can be finished from here.",
    ]);
    // A running job still takes notifications.
    expect(screen.getByRole("button", { name: "Send notification" })).toBeTruthy();

    const links = screen.getByRole("navigation", { name: "Job links" });
    await waitFor(() =>
      expect(within(links).getByRole("link", { name: "Open job in Buildkite" }).getAttribute("href")).toBe(
        `${BUILD_PAGE}#${JOB}`,
      ),
    );
    expect(within(links).getByRole("link", { name: "Job log" }).getAttribute("href")).toBe(
      `/builds/web-app/42/jobs/${JOB}`,
    );
  });

  it("reads the context of a job opened after it left the list from its environment", async () => {
    const api = stubConsole({
      state: "reserved",
      env: { BUILDKITE_PIPELINE_SLUG: "web-app", BUILDKITE_BUILD_NUMBER: "42", BUILDKITE_BRANCH: "feature/login" },
    });
    // Until the list has loaded the job may yet be in it: its (possibly huge) environment is not read.
    const view = renderWithQueries(drawer(undefined));
    await waitFor(() => expect(screen.getByRole("status", { name: "State" }).textContent).toBe("reserved"));
    expect(api.requests().filter((url) => url.endsWith(`/jobs/${JOB}`))).toEqual([]);
    view.unmount();

    renderWithQueries(drawer(undefined), []);
    await waitFor(() => expect(screen.getByText("feature/login")).toBeTruthy());
    expect(screen.getByTestId("context-source").textContent).toContain("from its environment");
    expect(screen.getByRole("link", { name: "Job log" }).getAttribute("href")).toBe(`/builds/web-app/42/jobs/${JOB}`);
    // Reserved: it can still be reserved again (Buildkite extends it when this stack holds it) and finished.
    expect(screen.getByRole("button", { name: "Reserve" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Finish job…" })).toBeTruthy();
  });

  it("reads a scheduled job's environment only when a list read since the drawer opened lacks it", async () => {
    const api = stubConsole({
      state: "scheduled",
      env: { BUILDKITE_PIPELINE_SLUG: "web-app", BUILDKITE_BUILD_NUMBER: "42", BUILDKITE_BRANCH: "feature/login" },
    });
    const envReads = () => api.requests().filter((url) => url.endsWith(`/jobs/${JOB}`));
    // The page's server render listed the queue before this job was scheduled.
    const { client } = renderWithQueries(drawer(undefined), [], Date.now() - 5_000);
    await waitFor(() => expect(screen.getByRole("status", { name: "State" }).textContent).toBe("scheduled"));
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(envReads()).toEqual([]);

    // The next poll still lacks it (another queue's job): now its environment is what there is.
    act(() => setListed(client, [], Date.now() + 1));
    await waitFor(() => expect(screen.getByText("feature/login")).toBeTruthy());
    expect(envReads()).toHaveLength(1);
  });

  it("closes on Close", () => {
    stubConsole({ state: "scheduled" });
    const onClose = vi.fn();
    renderWithQueries(
      <JobDrawer stackKey="stack-console" queueKey="default" jobId={JOB} job={row} onClose={onClose} />,
    );
    act(() => fireEvent.click(screen.getByRole("button", { name: "Close" })));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
