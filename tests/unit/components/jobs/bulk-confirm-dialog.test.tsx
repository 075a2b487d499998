import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { BulkConfirmDialog } from "@/components/jobs/bulk-confirm-dialog";
import type { ReviewJob } from "@/lib/bulk-finish-review";

let next = 0;
const jobs = (pipeline: string, count: number): ReviewJob[] =>
  Array.from({ length: count }, () => ({ id: `${String(next++).padStart(8, "0")}-0000-4000-8000-0000`, pipeline }));

function renderDialog(all: readonly ReviewJob[]) {
  const onConfirm = vi.fn();
  render(
    <BulkConfirmDialog
      jobs={all}
      queueKey="_default"
      exitStatus={-1}
      reason="Incident cleanup"
      busy={false}
      onConfirm={onConfirm}
      onCancel={() => {}}
    />,
  );
  const confirm = screen.getByRole("button", { name: "Confirm", hidden: true }) as HTMLButtonElement;
  return { onConfirm, confirm };
}

const breakdown = () =>
  within(screen.getByRole("list", { name: "Jobs by pipeline", hidden: true }))
    .getAllByRole("listitem", { hidden: true })
    .map((item) => item.textContent);

describe("BulkConfirmDialog", () => {
  it("shows the jobs by pipeline, most first", () => {
    renderDialog([...jobs("docs", 3), ...jobs("web", 40), ...jobs("api", 12)]);
    expect(breakdown()).toEqual(["web: 40", "api: 12", "docs: 3"]);
  });

  it("folds a long list of pipelines behind a button that shows them all", () => {
    const all = ["a", "b", "c", "d", "e", "f", "g"].flatMap((name, i) => jobs(name, 10 - i));
    renderDialog(all);
    expect(breakdown()).toEqual(["a: 10", "b: 9", "c: 8", "d: 7", "e: 6"]);
    const more = screen.getByRole("button", { name: "Show 2 more pipelines (9 jobs)", hidden: true });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    fireEvent.click(more);
    expect(breakdown()).toHaveLength(7);
    expect(more.getAttribute("aria-expanded")).toBe("true");
  });

  it("over 50 jobs, keeps Confirm disabled until the count is typed exactly", () => {
    const { confirm, onConfirm } = renderDialog([...jobs("web", 40), ...jobs("api", 15)]);
    const typed = screen.getByLabelText("Type 55 to confirm");
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    fireEvent.change(typed, { target: { value: "54" } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(typed, { target: { value: "55" } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("keeps the typed count within Tab's reach while Confirm is disabled", () => {
    renderDialog(jobs("web", 55));
    const cancel = screen.getByRole("button", { name: "Cancel", hidden: true });
    cancel.focus();
    fireEvent.keyDown(screen.getByRole("alertdialog", { hidden: true }), { key: "Tab" });
    expect(document.activeElement).toBe(screen.getByLabelText("Type 55 to confirm"));
  });

  it("up to 50 jobs, asks for no typed count", () => {
    const { confirm } = renderDialog(jobs("web", 50));
    expect(screen.queryByLabelText(/^Type \d+ to confirm$/)).toBeNull();
    expect(confirm.disabled).toBe(false);
  });
});
