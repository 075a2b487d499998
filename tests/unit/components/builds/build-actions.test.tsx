import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BuildView } from "@/components/builds/build-view";
import type { BuildJob, BuildSummary } from "@/lib/schemas/builds";
import { renderWithQueries } from "../../../support/component-render";
import { PIPELINE, authStatus, build, job, routeApi } from "./fixtures";

vi.mock("next/navigation", () => import("./navigation"));

// The build page's cancel, rebuild and unblock: confirmed first, disabled with the reason without write_builds.

const BUILD = `/api/v1/pipelines/${PIPELINE}/builds/42`;
const RUNNING = "11111111-0000-4000-8000-000000000001";
const GATE = "22222222-0000-4000-8000-000000000002";

function buildApi(options: { writeBuilds?: boolean; summary?: Partial<BuildSummary>; jobs?: BuildJob[] } = {}) {
  let current: BuildSummary = build({ state: "running", finishedAt: null, ...options.summary });
  let jobs: BuildJob[] = options.jobs ?? [job(RUNNING, { name: "unit tests", state: "running", exitStatus: null })];
  const api = routeApi([
    [/^\/api\/v1\/auth\/status$/, { data: authStatus(options.writeBuilds ?? true) }],
    [
      new RegExp(`^${BUILD}/cancel$`),
      () => {
        current = { ...current, state: "canceled" };
        return { data: { build: current } };
      },
    ],
    [new RegExp(`^${BUILD}/rebuild$`), { data: { build: build({ number: 43, state: "scheduled" }) } }],
    [
      new RegExp(`^${BUILD}/jobs/${GATE}/unblock$`),
      () => {
        jobs = jobs.map((j) => (j.id === GATE ? { ...j, state: "unblocked" } : j));
        return { data: { job: jobs.find((j) => j.id === GATE) } };
      },
    ],
    [
      new RegExp(`^${BUILD}$`),
      () => ({ data: { build: current, jobs }, summary: { jobCounts: {}, failedJobIds: [] } }),
    ],
    [/./, { data: [] }],
  ]);
  return { ...api, posts: () => api.calls().filter((call) => call.method === "POST") };
}

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;
afterEach(() => vi.unstubAllGlobals());

describe("cancel and rebuild", () => {
  it("cancels a running build after confirmation and shows it canceled", async () => {
    const api = buildApi();
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await waitFor(() => expect(button("Cancel build").disabled).toBe(false));
    fireEvent.click(button("Cancel build"));
    const dialog = screen.getByRole("alertdialog", { name: "Cancel build #42?" });
    expect(dialog.textContent).toContain("cannot be undone");
    expect(api.posts()).toEqual([]);
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));
    expect((await screen.findByRole("status", {}, { timeout: 3000 })).textContent).toBe("Build #42 is canceled.");
    expect(api.posts().map((call) => call.url.pathname)).toEqual([`${BUILD}/cancel`]);
    // Read again: a canceled build has nothing left to cancel.
    await waitFor(() => expect(screen.queryByRole("button", { name: "Cancel build" })).toBeNull());
  });

  it("offers no cancel for a finished build, but a rebuild that links the new build", async () => {
    buildApi({ summary: { state: "passed" }, jobs: [job(RUNNING, { name: "unit tests" })] });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await waitFor(() => expect(button("Rebuild").disabled).toBe(false));
    expect(screen.queryByRole("button", { name: "Cancel build" })).toBeNull();
    fireEvent.click(button("Rebuild"));
    fireEvent.click(
      within(screen.getByRole("alertdialog", { name: "Rebuild build #42?" })).getByRole("button", { name: "Confirm" }),
    );
    const link = await screen.findByTestId("rebuilt-build-link");
    expect(link.getAttribute("href")).toBe(`/builds/${PIPELINE}/43`);
    expect(link.closest("[role=status]")?.textContent).toBe("Build #42 rebuilt as #43 (scheduled).");
  });

  it("disables both with the reason when the REST token lacks write_builds, and sends nothing", async () => {
    const api = buildApi({ writeBuilds: false });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    const cancel = await screen.findByRole("button", { name: "Cancel build" });
    await waitFor(() => expect((cancel as HTMLButtonElement).disabled).toBe(true));
    expect(button("Rebuild").disabled).toBe(true);
    const reason = document.getElementById(cancel.getAttribute("aria-describedby") ?? "");
    expect(reason?.textContent).toContain(
      "Cancel is unavailable: the console's REST API token lacks the write_builds scope.",
    );
    expect(reason?.textContent).toContain(
      "Rebuild is unavailable: the console's REST API token lacks the write_builds scope.",
    );
    fireEvent.click(cancel);
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.posts()).toEqual([]);
  });
});

describe("unblock", () => {
  const gateJobs = () => [
    job(RUNNING, { name: "unit tests" }),
    job(GATE, { type: "manual", name: "Deploy to production?", state: "blocked", hasLog: false, exitStatus: null }),
  ];

  it("sends the operator's fields and shows the step unblocked", async () => {
    const api = buildApi({ summary: { state: "passed", blocked: true }, jobs: gateJobs() });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await waitFor(() => expect(button("Unblock Deploy to production?").disabled).toBe(false));
    fireEvent.click(button("Unblock Deploy to production?"));
    const dialog = screen.getByRole("alertdialog", { name: "Unblock Deploy to production?" });
    fireEvent.change(within(dialog).getByLabelText("Field 1 key"), { target: { value: "release-name" } });
    fireEvent.change(within(dialog).getByLabelText("Field 1 value"), { target: { value: "Pumpkin" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Add field" }));
    fireEvent.change(within(dialog).getByLabelText("Field 2 key"), { target: { value: "approved" } });
    fireEvent.change(within(dialog).getByLabelText("Field 2 value"), { target: { value: "yes" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Confirm" }));

    expect((await screen.findByRole("status")).textContent).toBe(
      "Deploy to production? unblocked: the build continues.",
    );
    const [post] = api.posts();
    expect(post?.url.pathname).toBe(`${BUILD}/jobs/${GATE}/unblock`);
    expect(JSON.parse(String(post?.body))).toEqual({ fields: { "release-name": "Pumpkin", approved: "yes" } });
    await waitFor(() => expect(screen.queryByRole("button", { name: "Unblock Deploy to production?" })).toBeNull());
  });

  it("will not send a key Buildkite would refuse, saying why", async () => {
    const api = buildApi({ summary: { state: "passed", blocked: true }, jobs: gateJobs() });
    renderWithQueries(<BuildView pipeline={PIPELINE} number={42} />);
    await waitFor(() => expect(button("Unblock Deploy to production?").disabled).toBe(false));
    fireEvent.click(button("Unblock Deploy to production?"));
    const dialog = screen.getByRole("alertdialog");
    const key = within(dialog).getByLabelText("Field 1 key");
    fireEvent.change(key, { target: { value: "has space" } });
    expect(within(dialog).getByRole("alert").textContent).toMatch(/^Key must be a field key/);
    expect(key.getAttribute("aria-invalid")).toBe("true");
    expect((within(dialog).getByRole("button", { name: "Confirm" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(api.posts()).toEqual([]);
  });
});
