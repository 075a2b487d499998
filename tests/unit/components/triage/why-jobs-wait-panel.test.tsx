import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { WhyJobsWaitPanel } from "@/components/triage/why-jobs-wait-panel";
import { OperatorProvider } from "@/components/ui/operator-context";
import type { Role } from "@/lib/roles";
import type { Finding } from "@/lib/schemas/triage";
import { renderWithQueries, stubApi, upstreamFailure } from "../../../support/component-render";
import { successBody } from "../../../support/envelopes";

afterEach(() => vi.unstubAllGlobals());

const NO_AGENT: Finding = {
  kind: "no_matching_agent",
  severity: "critical",
  jobIds: ["j1", "j2"],
  count: 2,
  since: "2026-12-06T10:00:00.000Z",
  explanation: "2 jobs need os=windows, which no agent of queue _default has.",
  suggestedAction: "Start an agent tagged os=windows, or change the jobs' rules.",
  maxWaitSeconds: 600,
  details: { queueKey: "_default", unmetRules: ["os=windows"], ruleSets: [["os=windows"]], closestAgents: [] },
};

const PAUSED: Finding = {
  kind: "dispatch_paused",
  severity: "critical",
  jobIds: ["j1", "j2", "j3"],
  count: 3,
  since: null,
  explanation: "Dispatch of queue _default is paused, so none of its 3 jobs can start.",
  suggestedAction: "Resume dispatch when the reason for the pause is over.",
  maxWaitSeconds: 600,
  details: { queueKey: "_default", by: null, at: null, note: null, pausedSeconds: null },
};

function renderPanel(refetchInterval: number | false = false, role: Role = "admin") {
  const onShowJobs = vi.fn();
  const onSelectJobs = vi.fn();
  const view = renderWithQueries(
    <OperatorProvider operator={{ name: "Pat", role }}>
      <WhyJobsWaitPanel
        stackKey="s"
        queueKey="_default"
        refetchInterval={refetchInterval}
        onShowJobs={onShowJobs}
        onSelectJobs={onSelectJobs}
      />
    </OperatorProvider>,
  );
  return { onShowJobs, onSelectJobs, unmount: view.unmount };
}

describe("WhyJobsWaitPanel", () => {
  it("lists each finding with its severity in words, explanation, suggestion and count, under a heading", async () => {
    stubApi("triage.get", { findings: [PAUSED, NO_AGENT] });
    renderPanel();
    const list = await screen.findByRole("list");
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(screen.getByRole("heading", { name: "Why jobs wait" })).toBeTruthy();
    const second = items[1] as HTMLElement;
    expect(within(second).getByRole("heading", { name: "No agent matches os=windows" })).toBeTruthy();
    expect(second.textContent).toContain("critical");
    expect(second.textContent).toContain(NO_AGENT.explanation);
    expect(second.textContent).toContain(NO_AGENT.suggestedAction);
    expect(second.textContent).toContain("2 jobs");
    expect(second.querySelector("time")?.getAttribute("datetime")).toBe(NO_AGENT.since);
  });

  it("hands a finding to the table to show, or to select for a bulk action, except a paused queue's", async () => {
    stubApi("triage.get", { findings: [PAUSED, NO_AGENT] });
    const { onShowJobs, onSelectJobs } = renderPanel();
    fireEvent.click(await screen.findByRole("button", { name: "Show these 2 jobs (No agent matches os=windows)" }));
    expect(onShowJobs).toHaveBeenCalledWith(NO_AGENT);
    fireEvent.click(
      screen.getByRole("button", { name: "Select them to reserve or finish (No agent matches os=windows)" }),
    );
    expect(onSelectJobs).toHaveBeenCalledWith(NO_AGENT);
    expect(screen.getByRole("button", { name: /Show these 3 jobs/ })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Select them.*Dispatch is paused/ })).toBeNull();
  });

  it("shows the three most pressing findings and the rest on request, so the jobs table stays near", async () => {
    const findings = ["a", "b", "c", "d", "e"].map((os) => ({
      ...NO_AGENT,
      jobIds: [`job-${os}`],
      details: { ...NO_AGENT.details, unmetRules: [`os=${os}`] },
    }));
    stubApi("triage.get", { findings });
    renderPanel();
    const list = await screen.findByRole("list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    const more = screen.getByRole("button", { name: "Show 2 more findings" });
    expect(more.getAttribute("aria-expanded")).toBe("false");

    fireEvent.click(more);
    expect(within(list).getAllByRole("listitem")).toHaveLength(5);
    expect(screen.getByRole("heading", { name: "No agent matches os=e" })).toBeTruthy();
    const fewer = screen.getByRole("button", { name: "Show only the most pressing" });
    expect(fewer.getAttribute("aria-expanded")).toBe("true");

    fireEvent.click(fewer);
    expect(within(list).getAllByRole("listitem")).toHaveLength(3);
  });

  it("offers a paused queue's remedy, resuming dispatch after a confirmation, to an admin only", async () => {
    const api = stubApi("triage.get", { findings: [PAUSED] });
    const view = renderPanel(false, "admin");
    fireEvent.click(await screen.findByRole("button", { name: /^Resume dispatch of queue _default \(/ }));
    fireEvent.click(
      within(screen.getByRole("alertdialog", { name: "Resume dispatch?" })).getByRole("button", { name: "Confirm" }),
    );
    await waitFor(() =>
      expect(api.posts().map((post) => post.url)).toEqual(["/api/v1/stacks/s/queue/resume?queue=_default"]),
    );
    view.unmount();

    renderPanel(false, "operator");
    const button = (await screen.findByRole("button", {
      name: /^Resume dispatch of queue _default \(/,
    })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it("says nothing holds jobs back when there are no findings", async () => {
    stubApi("triage.get", { findings: [] });
    renderPanel();
    expect(await screen.findByText("Nothing is holding jobs back.")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
  });

  it("shows the summary's warnings, such as agent findings being unavailable", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json({
        ...successBody("triage.get", { findings: [] }),
        summary: { warnings: ["Agent findings are unavailable: it needs read_agents"] },
      }),
    );
    renderPanel();
    expect(await screen.findByText(/Agent findings are unavailable/)).toBeTruthy();
  });

  it("keeps the last good findings with a warning when a refresh fails", async () => {
    let calls = 0;
    vi.stubGlobal("fetch", async () =>
      ++calls === 1
        ? Response.json(successBody("triage.get", { findings: [NO_AGENT] }))
        : upstreamFailure("triage.get"),
    );
    renderPanel(50);
    await screen.findByRole("heading", { name: "No agent matches os=windows" });
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("showing the last good data"));
    expect(screen.getByRole("heading", { name: "No agent matches os=windows" })).toBeTruthy();
  });
});
