import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReserveForm } from "@/components/jobs/drawer/reserve-form";
import { renderWithQueries, stubApi } from "../../../../support/component-render";

const JOB = "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f";
afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  const api = stubApi("jobs.reserve", {
    reserved: [JOB],
    notReserved: [],
    expirySeconds: 900,
    expiresAt: new Date(Date.now() + 900_000).toISOString(),
  });
  renderWithQueries(<ReserveForm stackKey="stack-console" jobId={JOB} reservation={null} />);
  return {
    api,
    expiry: screen.getByLabelText("Reservation expiry (seconds)"),
    reserve: screen.getByRole("button", { name: "Reserve" }),
  };
}

describe("ReserveForm", () => {
  it("sends one reservation for a double-clicked Reserve", async () => {
    const { api, reserve } = renderForm();
    fireEvent.click(reserve);
    fireEvent.click(reserve);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Reserved for"));
    expect(api.posts()).toHaveLength(1);
  });

  it("sets the expiry field from a preset, and reserves for that long", async () => {
    const { api, expiry, reserve } = renderForm();
    const presets = screen.getByRole("group", { name: "Expiry presets" });
    expect(
      within(presets)
        .getAllByRole("button")
        .map((button) => button.textContent),
    ).toEqual(["5 min", "15 min", "1 h"]);
    expect(within(presets).getByRole("button", { name: "15 min" }).getAttribute("aria-pressed")).toBe("true");

    fireEvent.click(within(presets).getByRole("button", { name: "5 min" }));
    expect((expiry as HTMLInputElement).value).toBe("300");
    expect(within(presets).getByRole("button", { name: "5 min" }).getAttribute("aria-pressed")).toBe("true");
    fireEvent.click(within(presets).getByRole("button", { name: "1 h" }));
    expect((expiry as HTMLInputElement).value).toBe("3600");
    expect(api.posts()).toEqual([]);

    fireEvent.click(reserve);
    await waitFor(() => expect(api.posts()).toHaveLength(1));
    expect(api.posts()[0]?.body).toEqual({ jobIds: [JOB], expirySeconds: 3600 });
  });

  it("clears an expiry error when a preset replaces the bad value", () => {
    const { expiry, reserve } = renderForm();
    fireEvent.change(expiry, { target: { value: "0" } });
    fireEvent.click(reserve);
    expect(screen.getByRole("alert").textContent).toBe("Reservation expiry must be at least 1 second.");
    fireEvent.click(screen.getByRole("button", { name: "5 min" }));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(expiry.getAttribute("aria-invalid")).toBe("false");
  });

  it("offers no form for a job that cannot be reserved, and says why", () => {
    stubApi("jobs.reserve", {});
    renderWithQueries(
      <ReserveForm
        stackKey="stack-console"
        jobId={JOB}
        reservation={null}
        unavailable="The job is running: only a scheduled job can be reserved."
      />,
    );
    expect(screen.queryByRole("button", { name: "Reserve" })).toBeNull();
    expect(screen.getByTestId("action-unavailable").textContent).toBe(
      "The job is running: only a scheduled job can be reserved.",
    );
  });
});
