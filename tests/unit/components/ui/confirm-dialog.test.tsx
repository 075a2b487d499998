import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

function renderDialog(props: Partial<Parameters<typeof ConfirmDialog>[0]> = {}) {
  const onConfirm = vi.fn();
  const onCancel = vi.fn();
  render(
    <ConfirmDialog open title="Finish job 1234abcd?" busy={false} onConfirm={onConfirm} onCancel={onCancel} {...props}>
      <p>This cannot be undone.</p>
    </ConfirmDialog>,
  );
  return {
    onConfirm,
    onCancel,
    dialog: screen.getByRole("alertdialog", { name: "Finish job 1234abcd?", hidden: true }),
  };
}

describe("ConfirmDialog", () => {
  it("is an alert dialog named by its title and described by its body", () => {
    const { dialog } = renderDialog();
    expect(dialog.getAttribute("aria-describedby")).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "This cannot be undone.",
    );
  });

  it("confirms only on Confirm", () => {
    const { onConfirm, onCancel } = renderDialog();
    fireEvent.click(screen.getByRole("button", { name: "Confirm", hidden: true }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
  });

  it("cancels on Esc and marks the key handled, so the page's own Esc does not also close the drawer", () => {
    const { onCancel, dialog } = renderDialog();
    const pageSaw: boolean[] = [];
    const pageListener = (event: KeyboardEvent) => pageSaw.push(event.defaultPrevented);
    document.addEventListener("keydown", pageListener);
    fireEvent.keyDown(dialog, { key: "Escape" });
    document.removeEventListener("keydown", pageListener);
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(pageSaw).toEqual([true]);
  });

  it("while busy, neither button nor Esc acts, and the confirm button says what is happening", () => {
    const { onConfirm, onCancel, dialog } = renderDialog({ busy: true, busyLabel: "Finishing…" });
    const confirm = screen.getByRole("button", { name: "Finishing…", hidden: true });
    expect(confirm).toHaveProperty("disabled", true);
    expect(screen.getByRole("button", { name: "Cancel", hidden: true })).toHaveProperty("disabled", true);
    fireEvent.click(confirm);
    fireEvent.keyDown(dialog, { key: "Escape" });
    expect(onConfirm).not.toHaveBeenCalled();
    expect(onCancel).not.toHaveBeenCalled();
  });
});
