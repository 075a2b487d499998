import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BacklogSparkline } from "@/components/history/backlog-sparkline";
import { TopFinding } from "@/components/triage/top-finding";
import type { Finding } from "@/lib/schemas/triage";
import { envelope, renderWithQueries } from "../../../support/component-render";
import { minuteSamples, sample } from "../../../support/queue-samples";

vi.mock("@/components/history/time-series-chart", () => ({
  TimeSeriesChart: ({ samples }: { samples: readonly unknown[] }) => (
    <div data-testid="time-series-chart" data-points={samples.length} />
  ),
}));

afterEach(() => vi.unstubAllGlobals());

const finding = (overrides: Partial<Finding> & Pick<Finding, "kind" | "details">): Finding =>
  ({
    severity: "critical",
    jobIds: ["j1"],
    count: 1,
    since: null,
    explanation: "Explained.",
    suggestedAction: "Act.",
    maxWaitSeconds: 0,
    ...overrides,
  }) as Finding;

const NO_AGENT = finding({
  kind: "no_matching_agent",
  explanation: "2 jobs need os=windows, which no agent of queue _default has.",
  details: { queueKey: "_default", unmetRules: ["os=windows"], ruleSets: [["os=windows"]], closestAgents: [] },
});
const SLO = finding({
  kind: "waiting_over_slo",
  severity: "warning",
  details: { sloSeconds: 300, oldestJobId: "j1" },
});

/** The console's API by path: the card reads triage and the 24-hour history of its queue. */
function stubCardApi(findings: Finding[], samples: unknown[]) {
  const fetchMock = vi.fn(async (url: string) => {
    const path = new URL(url, "http://console.test").pathname;
    if (path.endsWith("/triage")) return envelope("triage.get", { findings });
    if (path.endsWith("/queue/history")) return envelope("queue.history", { samples });
    return new Response("unexpected", { status: 404 });
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}

describe("a queue card's top finding", () => {
  it("is the first finding, with its severity in words, linking to the queue's stack page", async () => {
    stubCardApi([NO_AGENT, SLO], []);
    renderWithQueries(<TopFinding stackKey="stack-console" queueKey="_default" refetchInterval={60_000} />);
    const link = await screen.findByRole("link", { name: "No agent matches os=windows" });
    expect(link.getAttribute("href")).toBe("/stacks/stack-console?queue=_default");
    expect(link.getAttribute("title")).toBe(NO_AGENT.explanation);
    const line = screen.getByTestId("top-finding");
    expect(line.textContent).toBe("criticalNo agent matches os=windows");
    expect(line.textContent).not.toContain("Over the wait SLO");
  });

  it("says nothing holds jobs back when there is no finding", async () => {
    stubCardApi([], []);
    renderWithQueries(<TopFinding stackKey="stack-console" queueKey="_default" refetchInterval={60_000} />);
    expect(await screen.findByText("Nothing is holding jobs back.")).toBeTruthy();
  });
});

describe("a queue card's backlog sparkline", () => {
  it("reads the last 24 hours and says its peak and latest value in words", async () => {
    const fetchMock = stubCardApi([], minuteSamples("2026-12-07T10:00:00Z", [3, 12, 5]));
    renderWithQueries(<BacklogSparkline stackKey="stack-console" queueKey="_default" />);
    expect((await screen.findByTestId("time-series-chart")).dataset.points).toBe("3");
    expect(screen.getByRole("figure").textContent).toMatch(/^Backlog, last 24 hours: peak 12 at \d\d:\d\d, now 5\.$/);
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), "http://console.test");
    expect(url.searchParams.get("range")).toBe("24h");
  });

  it("says the history is filling in while there is a single sample, instead of drawing it", async () => {
    stubCardApi([], [sample("2026-12-07T10:00:00Z", { backlog: 4 })]);
    renderWithQueries(<BacklogSparkline stackKey="stack-console" queueKey="_default" />);
    expect(await screen.findByText("Backlog history fills in once a minute; 1 sample so far.")).toBeTruthy();
    expect(screen.queryByTestId("time-series-chart")).toBeNull();
  });
});
