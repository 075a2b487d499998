import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { AuditFiltersForm } from "@/components/audit/audit-filters-form";
import { noAuditFilters } from "@/lib/filters/audit";

describe("AuditFiltersForm", () => {
  it("offers every audited action, queue pause and resume included, and applies the one picked", () => {
    const onApply = vi.fn();
    render(<AuditFiltersForm filters={noAuditFilters} onApply={onApply} />);
    const action = screen.getByLabelText("Action");
    const options = within(action)
      .getAllByRole("option")
      .map((option) => (option as HTMLOptionElement).value);
    expect(options).toEqual(expect.arrayContaining(["", "jobs.finish", "jobs.retry", "queue.pause", "queue.resume"]));
    fireEvent.change(action, { target: { value: "queue.pause" } });
    expect(onApply).toHaveBeenCalledWith(expect.objectContaining({ action: "queue.pause", page: 1 }));
  });
});
