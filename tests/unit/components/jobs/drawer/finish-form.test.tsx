import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FinishForm } from "@/components/jobs/drawer/finish-form";
import { renderWithQueries, stubApi } from "../../../../support/component-render";

const JOB = "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f";
afterEach(() => vi.unstubAllGlobals());

function renderForm() {
  const api = stubApi("jobs.finish", { jobId: JOB, finished: true, exitStatus: -1 });
  renderWithQueries(<FinishForm stackKey="stack-console" jobId={JOB} shortId="0190f6a1" />);
  return {
    api,
    reason: screen.getByLabelText("Reason"),
    exitStatus: screen.getByLabelText("Exit status"),
    finish: screen.getByRole("button", { name: "Finish job…" }),
  };
}

describe("FinishForm", () => {
  it("requires a reason of at most 4096 bytes, counting bytes not characters, and sends nothing otherwise", () => {
    const { api, reason, finish } = renderForm();
    fireEvent.click(finish);
    expect(screen.getByRole("alert").textContent).toBe("Reason is required.");

    fireEvent.change(reason, { target: { value: "é".repeat(2049) } });
    expect(screen.getByTestId("reason-counter").textContent).toBe("4098 / 4096 bytes");
    fireEvent.click(finish);
    expect(screen.getByRole("alert").textContent).toBe("Reason must be at most 4096 bytes.");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.posts()).toEqual([]);
  });

  it("asks for confirmation naming the job, and finishes only on Confirm", async () => {
    const { api, reason, finish } = renderForm();
    fireEvent.change(reason, { target: { value: "stuck behind a dead agent" } });
    fireEvent.click(finish);
    const dialog = screen.getByRole("alertdialog", { name: "Finish job 0190f6a1?" });
    expect(dialog.textContent).toContain("exit status -1 (failed)");
    expect(api.posts()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Confirm" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Finished with exit status -1."));
    expect(api.posts()).toEqual([
      {
        url: `/api/v1/stacks/stack-console/jobs/${JOB}/finish`,
        body: { exitStatus: -1, detail: "stuck behind a dead agent" },
      },
    ]);
  });

  it("calls exit status 0 a completion, and Cancel sends nothing", () => {
    const { api, reason, exitStatus, finish } = renderForm();
    fireEvent.change(exitStatus, { target: { value: "0" } });
    fireEvent.change(reason, { target: { value: "done by hand" } });
    fireEvent.click(finish);
    expect(screen.getByRole("alertdialog").textContent).toContain("exit status 0 (completed)");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.posts()).toEqual([]);
  });

  it("sends one finish for a double-clicked Confirm", async () => {
    const { api, reason, finish } = renderForm();
    fireEvent.change(reason, { target: { value: "stuck behind a dead agent" } });
    fireEvent.click(finish);
    const confirm = screen.getByRole("button", { name: "Confirm" });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Finished with exit status -1."));
    expect(api.posts()).toHaveLength(1);
  });
});
