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

  it("acts on the first of two quick clicks only, and stays disabled until the dialog closes", () => {
    const onConfirm = vi.fn();
    const props = { title: "Finish job 1234abcd?", busy: false, onConfirm, onCancel: vi.fn() };
    const { rerender } = render(
      <ConfirmDialog open {...props}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>,
    );
    const confirm = screen.getByRole("button", { name: "Confirm", hidden: true });
    // The caller has not reported busy yet (a mutation says pending a macrotask later): the dialog must not
    // rely on it.
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(confirm).toHaveProperty("disabled", true);

    rerender(
      <ConfirmDialog open={false} {...props}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>,
    );
    rerender(
      <ConfirmDialog open {...props}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Confirm", hidden: true }));
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });

  it("takes Confirm again once the action it started settles with the dialog still open", () => {
    const onConfirm = vi.fn();
    const props = { open: true, title: "Retry?", onConfirm, onCancel: vi.fn() };
    const { rerender } = render(
      <ConfirmDialog {...props} busy={false}>
        <p>Again?</p>
      </ConfirmDialog>,
    );
    fireEvent.click(screen.getByRole("button", { name: "Confirm", hidden: true }));
    rerender(
      <ConfirmDialog {...props} busy>
        <p>Again?</p>
      </ConfirmDialog>,
    );
    rerender(
      <ConfirmDialog {...props} busy={false}>
        <p>Again?</p>
      </ConfirmDialog>,
    );
    const confirm = screen.getByRole("button", { name: "Confirm", hidden: true });
    expect(confirm).toHaveProperty("disabled", false);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(2);
  });
});
