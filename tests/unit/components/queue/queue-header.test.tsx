import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { QueueHeader } from "@/components/queue/queue-header";
import type { QueueState } from "@/lib/schemas/queue";

const NOW = Date.parse("2026-11-20T10:00:00Z");

function queue(overrides: Partial<QueueState> = {}): QueueState {
  return {
    stackKey: "stack-console",
    queueKey: "_default",
    clusterQueueId: "11a61068-eb89-486c-a49f-b6ab88df15b3",
    dispatchPaused: false,
    pause: null,
    pauseUnavailable: null,
    scheduledCount: 42,
    countComplete: true,
    oldestScheduledAt: "2026-11-20T09:55:00Z",
    oldestWaitSeconds: 300,
    fetchedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

const renderHeader = (view: QueueState | undefined, overThreshold?: number) =>
  render(<QueueHeader queue={view} overThreshold={overThreshold} thresholdSeconds={300} now={NOW} />);

describe("QueueHeader", () => {
  it("shows the backlog and raises no alarm while the queue dispatches", () => {
    renderHeader(queue(), 7);
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.getByTestId("scheduled-count").textContent).toBe("42");
    expect(screen.getByTestId("oldest-wait").textContent).toBe("5m 00s");
    expect(screen.getByText("Waiting > 5m")).toBeTruthy();
    expect(screen.getByTestId("over-threshold").textContent).toBe("7");
    expect(screen.getByTestId("dispatch-state").textContent).toBe("Dispatching");
  });

  it("says when the count is only a lower bound", () => {
    renderHeader(queue({ scheduledCount: 5000, countComplete: false }));
    expect(screen.getByTestId("scheduled-count").textContent).toBe("5000+");
  });

  it("alerts when dispatch is paused, saying who paused it, how long ago and why", () => {
    const pause = {
      by: { name: "Ada Lovelace", email: "ada@acme.example" },
      at: "2026-11-20T09:58:30Z",
      note: "db migration",
    };
    renderHeader(queue({ dispatchPaused: true, pause }));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      "Dispatch paused — agents take no jobs from queue _default until it is resumed.",
    );
    expect(screen.getByTestId("pause-details").textContent).toBe("Paused by Ada Lovelace 1m 30s ago — “db migration”");
  });

  it("names whoever paused it by their email when Buildkite gives no name", () => {
    const pause = { by: { name: null, email: "sam@example.com" }, at: null, note: null };
    renderHeader(queue({ dispatchPaused: true, pause }));
    expect(screen.getByTestId("pause-details").textContent).toBe("Paused by sam@example.com — no note given");
  });

  it("says a token is needed to name who paused it, rather than nothing", () => {
    renderHeader(
      queue({ dispatchPaused: true, pauseUnavailable: { reason: "missing_scope", message: "403 Forbidden" } }),
    );
    expect(screen.getByRole("alert").textContent).toContain(
      "Who paused it and why needs a REST API token with read_clusters.",
    );
  });

  it("names a failure to read the pause details", () => {
    renderHeader(
      queue({
        dispatchPaused: true,
        pauseUnavailable: { reason: "failed", message: "Could not read the cluster queue: 502" },
      }),
    );
    expect(screen.getByRole("alert").textContent).toContain(
      "Who paused it and why is unknown: Could not read the cluster queue: 502",
    );
  });

  it("shows placeholders, not zeros, before the first read", () => {
    renderHeader(undefined);
    expect(screen.getByTestId("scheduled-count").textContent).toBe("—");
    expect(screen.getByTestId("dispatch-state").textContent).toBe("—");
  });
});
