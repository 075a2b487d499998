import { fireEvent, screen, waitFor } from "@testing-library/react";
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
