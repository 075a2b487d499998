import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NotifyForm, type NotifyUsage } from "@/components/jobs/drawer/notify-form";
import { renderWithQueries, stubApi } from "../../../../support/component-render";

const JOB = "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f";
afterEach(() => vi.unstubAllGlobals());

/** `usage` null: the history (and so the operator's room) has not loaded yet. */
function renderForm(usage: NotifyUsage | null = { sent: 3, cap: 100, maxChars: 240 }, unavailable?: string) {
  const api = stubApi("jobs.notify", { sent: 1, failed: 0, errors: [] });
  renderWithQueries(
    <NotifyForm stackKey="stack-console" jobId={JOB} usage={usage ?? undefined} unavailable={unavailable} />,
  );
  return {
    api,
    input: screen.queryByLabelText("Notification") as HTMLElement,
    send: screen.queryByRole("button", { name: "Send notification" }) as HTMLElement,
  };
}

describe("NotifyForm", () => {
  it("counts what was sent against Buildkite's per-job cap", () => {
    renderForm();
    expect(screen.getByTestId("notification-count").textContent).toBe("3 of 100 notifications sent");
  });

  it("refuses an empty or over-long notification inline, naming the field, and sends nothing", () => {
    const { api, input, send } = renderForm();
    fireEvent.click(send);
    expect(screen.getByRole("alert").textContent).toBe("Notification is required.");

    fireEvent.change(input, { target: { value: "x".repeat(241) } });
    expect(screen.getByTestId("notification-counter").textContent).toContain("241 / 240 characters");
    fireEvent.click(send);
    expect(screen.getByRole("alert").textContent).toBe(
      "Notification must be at most 240 characters so your name fits.",
    );
    expect(input.getAttribute("aria-invalid")).toBe("true");

    // Past Buildkite's own 256 the form still states the operator's one limit, and never 256.
    fireEvent.change(input, { target: { value: "x".repeat(300) } });
    fireEvent.click(send);
    expect(screen.getByRole("alert").textContent).toBe(
      "Notification must be at most 240 characters so your name fits.",
    );
    expect(document.body.textContent).not.toContain("256");
    expect(api.posts()).toEqual([]);
  });

  it("states no limit and sends nothing until the operator's room is known", () => {
    const { api, input, send } = renderForm(null);
    fireEvent.change(input, { target: { value: "x".repeat(250) } });
    expect(screen.getByTestId("notification-counter").textContent).toContain("250 characters");
    expect(document.body.textContent).not.toContain("256");
    expect(send).toHaveProperty("disabled", true);
    expect(api.posts()).toEqual([]);
  });

  it("offers no form when Buildkite would not take a notification, and says why", () => {
    renderForm(null, "The job is finished: Buildkite takes no notifications more than 5 minutes after a job ends.");
    expect(screen.queryByLabelText("Notification")).toBeNull();
    expect(screen.getByTestId("action-unavailable").textContent).toContain("more than 5 minutes");
  });

  it("sends a valid notification once, as the console's API expects it", async () => {
    const { api, input, send } = renderForm();
    fireEvent.change(input, { target: { value: "Looking into the stuck agents" } });
    fireEvent.click(send);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Notification sent."));
    expect(api.posts()).toEqual([
      {
        url: "/api/v1/stacks/stack-console/notifications",
        body: { notifications: [{ jobId: JOB, detail: "Looking into the stuck agents" }] },
      },
    ]);
    expect((input as HTMLInputElement).value).toBe("");
  });

  it("stops at the cap and says so", () => {
    const { input, send } = renderForm({ sent: 100, cap: 100, maxChars: 240 });
    expect(input).toHaveProperty("disabled", true);
    expect(send).toHaveProperty("disabled", true);
    expect(screen.getByText(/reached Buildkite's cap of 100 notifications/)).toBeTruthy();
  });

  it("sends one notification for a double-clicked Send", async () => {
    const { api, input, send } = renderForm();
    fireEvent.change(input, { target: { value: "Looking into it" } });
    fireEvent.click(send);
    fireEvent.click(send);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Notification sent."));
    expect(api.posts()).toHaveLength(1);
  });
});
