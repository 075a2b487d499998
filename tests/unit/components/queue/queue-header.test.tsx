import { act, render, screen } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { QueueHeader } from "@/components/queue/queue-header";
import type { QueueState } from "@/lib/schemas/queue";
import { DEFAULT_THRESHOLDS } from "@/lib/thresholds";

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
    longWaitCount: null,
    fetchedAt: "2026-11-20T10:00:00Z",
    ...overrides,
  };
}

const header = (view: QueueState | undefined, overThreshold?: number) => (
  <QueueHeader queue={view} overThreshold={overThreshold} thresholds={DEFAULT_THRESHOLDS} now={NOW} />
);
const renderHeader = (view: QueueState | undefined, overThreshold?: number) => render(header(view, overThreshold));

const ada = {
  by: { name: "Ada Lovelace", email: "ada@acme.example" },
  at: "2026-11-20T09:58:30Z",
  note: "db migration",
};

// The exact pause time is written in the browser's zone: a fixed zone keeps the expected text fixed.
const savedZone = process.env.TZ;
beforeAll(() => {
  process.env.TZ = "Europe/Paris";
});
afterAll(() => {
  process.env.TZ = savedZone;
});
beforeEach(() => {
  document.title = "Stack Console";
});

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

  it("alerts when dispatch is paused, saying who paused it, how long ago, at what time and why", () => {
    renderHeader(queue({ dispatchPaused: true, pause: ada }));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain(
      "Dispatch paused — agents take no jobs from queue _default until it is resumed.",
    );
    expect(screen.getByTestId("pause-details").textContent).toBe(
      "Paused by Ada Lovelace 1m 30s ago (at 10:58:30 GMT+1, 2026-11-20) — “db migration”",
    );
  });

  it("writes the exact pause time only once hydrated, so the server's HTML matches", async () => {
    const view = queue({ dispatchPaused: true, pause: ada });
    const html = renderToString(header(view, 0));
    expect(html).toContain("1m 30s ago");
    expect(html).not.toContain("(at ");

    const container = document.createElement("div");
    container.innerHTML = html;
    document.body.append(container);
    const recoverable = vi.fn();
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const root = await act(async () => hydrateRoot(container, header(view, 0), { onRecoverableError: recoverable }));
    try {
      expect(container.querySelector("[data-testid=pause-details]")?.textContent).toBe(
        "Paused by Ada Lovelace 1m 30s ago (at 10:58:30 GMT+1, 2026-11-20) — “db migration”",
      );
      expect(recoverable).not.toHaveBeenCalled();
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
      act(() => root.unmount());
      container.remove();
    }
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

  it("shows placeholders, not zeros, before the first read, and leaves the tab title alone", () => {
    renderHeader(undefined);
    expect(screen.getByTestId("scheduled-count").textContent).toBe("—");
    expect(screen.getByTestId("dispatch-state").textContent).toBe("—");
    expect(screen.queryByTestId("queue-level")).toBeNull();
    expect(document.title).toBe("Stack Console");
  });

  it("says in words and colour which numbers are past their limits: 202 waiting, 43 long waits, 5m 54s", () => {
    renderHeader(queue({ scheduledCount: 202, oldestScheduledAt: "2026-11-20T09:54:06Z" }), 43);
    expect(screen.getByLabelText("critical: 202 waiting")).toBeTruthy();
    expect(screen.getByLabelText("warning: oldest waited 5m 54s")).toBeTruthy();
    expect(screen.getByLabelText("critical: 43 waiting over 5m")).toBeTruthy();
    expect(screen.getByTestId("scheduled-count-stat").dataset.level).toBe("critical");
    expect(screen.getByTestId("scheduled-count-stat").textContent).toContain("critical");
    expect(screen.getByTestId("oldest-wait-stat").textContent).toContain("warning");
    expect(screen.getByLabelText("critical: 202 waiting").className).toContain("text-red");
    expect(screen.getByTestId("queue-level").textContent).toBe("critical");
    expect(document.title).toBe("▲ critical — Stack Console");
  });

  it("is ok, in plain numbers, while every number is under its limit", () => {
    renderHeader(queue({ scheduledCount: 12, oldestScheduledAt: "2026-11-20T09:59:00Z" }), 0);
    expect(screen.getByLabelText("ok: 12 waiting")).toBeTruthy();
    expect(screen.getByTestId("scheduled-count-stat").textContent).not.toContain("ok");
    expect(screen.getByTestId("queue-level").textContent).toBe("ok");
    expect(document.title).toBe("Stack Console");
  });

  it("is a warning from a single long wait, and says so in the tab title", () => {
    renderHeader(queue({ scheduledCount: 12, oldestScheduledAt: "2026-11-20T09:59:00Z" }), 1);
    expect(screen.getByLabelText("warning: 1 waiting over 5m")).toBeTruthy();
    expect(screen.getByTestId("queue-level").textContent).toBe("warning");
    expect(document.title).toBe("△ warning — Stack Console");
  });

  it("is critical when paused, however calm the numbers", () => {
    renderHeader(queue({ scheduledCount: 1, oldestScheduledAt: "2026-11-20T09:59:59Z", dispatchPaused: true }), 0);
    expect(screen.getByTestId("queue-level").textContent).toBe("critical");
    expect(document.title).toBe("▲ critical — Stack Console");
  });

  it("follows the level as it changes and gives the title back when it goes", () => {
    const view = render(header(queue({ scheduledCount: 60, oldestScheduledAt: null }), 0));
    expect(document.title).toBe("△ warning — Stack Console");
    view.rerender(header(queue({ scheduledCount: 250, oldestScheduledAt: null }), 0));
    expect(document.title).toBe("▲ critical — Stack Console");
    view.unmount();
    expect(document.title).toBe("Stack Console");
  });
});
