import { act, fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { JobFiltersBar } from "@/components/jobs/job-filters-bar";
import { defaultFilters } from "@/lib/filters/jobs";

function deferred() {
  let resolve: (message: string | null) => void = () => {};
  const promise = new Promise<string | null>((r) => (resolve = r));
  return { promise, resolve };
}

const showBar = (onJump: (query: string) => Promise<string | null>) =>
  render(<JobFiltersBar filters={defaultFilters} onChange={() => {}} firstFilterRef={null} onJump={onJump} />);

describe("jump to job", () => {
  it("shows the answer of a lookup that ends after the jump", async () => {
    const lookup = deferred();
    showBar(() => lookup.promise);
    fireEvent.change(screen.getByLabelText("Jump to job"), { target: { value: "abcd" } });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    await act(async () => lookup.resolve("No job has the id “abcd”."));
    expect(screen.getByRole("status").textContent).toBe("No job has the id “abcd”.");
  });

  it("drops the answer of a lookup the operator has typed past", async () => {
    const lookup = deferred();
    const onJump = vi.fn(() => lookup.promise);
    showBar(onJump);
    fireEvent.change(screen.getByLabelText("Jump to job"), { target: { value: "abcd" } });
    fireEvent.click(screen.getByRole("button", { name: "Go" }));
    fireEvent.change(screen.getByLabelText("Jump to job"), { target: { value: "abcde" } });
    await act(async () => lookup.resolve("No job has the id “abcd”."));
    expect(onJump).toHaveBeenCalledWith("abcd");
    expect(screen.queryByRole("status")).toBeNull();
  });
});
