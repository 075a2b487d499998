import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { QueueBoard } from "@/components/queue/queue-board";
import type { QueueState, WatchedQueues } from "@/lib/schemas/queue";
import { DEFAULT_THRESHOLDS } from "@/lib/thresholds";
import { envelope, renderWithQueries } from "../../../support/component-render";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function queue(queueKey: string, overrides: Partial<QueueState> = {}): QueueState {
  return {
    stackKey: "stack-console",
    queueKey,
    clusterQueueId: null,
    dispatchPaused: false,
    pause: null,
    pauseUnavailable: null,
    scheduledCount: 3,
    countComplete: true,
    oldestScheduledAt: minutesAgo(1),
    oldestWaitSeconds: 60,
    longWaitCount: 0,
    fetchedAt: new Date().toISOString(),
    ...overrides,
  };
}

/** The console's API: the watched queues, and each queue's state (and empty triage and history) by its `?queue=`. */
function stubQueues(watched: WatchedQueues, states: Record<string, QueueState>) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      const parsed = new URL(url, "http://console.test");
      if (parsed.pathname.endsWith("/queues")) return envelope("queues.list", watched);
      // Each card's top finding and sparkline are tested in queue-card-pictures; here they find nothing.
      if (parsed.pathname.endsWith("/triage")) return envelope("triage.get", { findings: [] });
      if (parsed.pathname.endsWith("/queue/history")) return envelope("queue.history", { samples: [] });
      const state = states[parsed.searchParams.get("queue") ?? ""];
      return state ? envelope("queue.get", state) : new Response("no such queue", { status: 404 });
    }),
  );
}

const board = () => (
  <QueueBoard
    stackKey="stack-console"
    initialQueueKeys={["_default"]}
    pollIntervalMs={60_000}
    thresholds={DEFAULT_THRESHOLDS}
  />
);
const card = (queueKey: string) => screen.getByRole("region", { name: `Queue ${queueKey} on stack stack-console` });

beforeEach(() => {
  document.title = "Stack Console";
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("QueueBoard", () => {
  it("shows a card for every watched queue, each with its own levels, and the worst in the tab title", async () => {
    stubQueues(
      {
        stackKey: "stack-console",
        queueKeys: ["_default", "linux-large", "macos"],
        source: "discovered",
        unavailable: null,
      },
      {
        _default: queue("_default", { scheduledCount: 202, oldestScheduledAt: minutesAgo(6), longWaitCount: 43 }),
        "linux-large": queue("linux-large", { scheduledCount: 60 }),
        macos: queue("macos"),
      },
    );
    renderWithQueries(board());

    await waitFor(() => expect(screen.getAllByRole("region")).toHaveLength(3));
    await waitFor(() => expect(within(card("_default")).getByTestId("queue-level").textContent).toBe("critical"));
    const busy = within(card("_default"));
    expect(busy.getByLabelText("critical: 202 waiting")).toBeTruthy();
    expect(busy.getByLabelText(/^warning: oldest waited 6m 0\ds$/)).toBeTruthy();
    expect(busy.getByLabelText("critical: 43 waiting over 5m")).toBeTruthy();
    await waitFor(() => expect(within(card("linux-large")).getByTestId("queue-level").textContent).toBe("warning"));
    expect(within(card("linux-large")).getByLabelText("warning: 60 waiting")).toBeTruthy();
    await waitFor(() => expect(within(card("macos")).getByTestId("queue-level").textContent).toBe("ok"));
    expect(document.title).toBe("▲ critical — Stack Console");
  });

  it("puts a warning in the title when the worst queue is only a warning", async () => {
    stubQueues(
      { stackKey: "stack-console", queueKeys: ["_default", "macos"], source: "discovered", unavailable: null },
      { _default: queue("_default"), macos: queue("macos", { longWaitCount: 2 }) },
    );
    renderWithQueries(board());
    await waitFor(() => expect(document.title).toBe("△ warning — Stack Console"));
  });

  it("counts a paused queue as critical", async () => {
    stubQueues(
      { stackKey: "stack-console", queueKeys: ["_default"], source: "configured", unavailable: null },
      { _default: queue("_default", { dispatchPaused: true }) },
    );
    renderWithQueries(board());
    await waitFor(() => expect(within(card("_default")).getByTestId("queue-level").textContent).toBe("critical"));
    expect(document.title).toBe("▲ critical — Stack Console");
  });

  it("says why only the default queue is shown when the queues could not be listed", async () => {
    stubQueues(
      {
        stackKey: "stack-console",
        queueKeys: ["_default"],
        source: "default",
        unavailable: "No REST API token and organization are configured to list the cluster's queues.",
      },
      { _default: queue("_default") },
    );
    renderWithQueries(board());
    expect((await screen.findByTestId("queues-unavailable")).textContent).toBe(
      "Only the default queue is shown: No REST API token and organization are configured to list the cluster's queues.",
    );
  });
});
