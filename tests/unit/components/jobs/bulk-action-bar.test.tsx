import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BulkActionBar } from "@/components/jobs/bulk-action-bar";
import { OperatorProvider } from "@/components/ui/operator-context";

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`;
const ALL = [id(1), id(2), id(3)];

function renderBar(selectedIds: readonly string[]) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <OperatorProvider operator={{ name: "Pat", role: "operator" }}>
        <BulkActionBar stackKey="stack-console" queueKey="_default" selectedIds={selectedIds} onClear={() => {}} />
      </OperatorProvider>
    </QueryClientProvider>,
  );
}

/** Opens the finish form for the selection and types a reason. */
function openFormWithReason(count: number, reason: string) {
  fireEvent.click(screen.getByRole("button", { name: `Finish ${count}…` }));
  const form = screen.getByRole("form", { name: "Finish selected jobs" });
  fireEvent.change(within(form).getByLabelText("Reason"), { target: { value: reason } });
  return form;
}

describe("BulkActionBar: confirming a bulk finish", () => {
  it("starts one run however many times Confirm is clicked, and keeps Confirm disabled while it runs", async () => {
    // The server never answers, so the run is still going when the later clicks land.
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => new Promise<Response>(() => {}));
    vi.stubGlobal("fetch", fetchMock);
    renderBar(ALL);
    const form = openFormWithReason(3, "Double trouble");
    fireEvent.click(within(form).getByRole("button", { name: "Finish 3 jobs…" }));
    const confirm = screen.getByRole("button", { name: "Confirm", hidden: true });

    // Two clicks before React re-renders: the button cannot be disabled yet, so the bar itself must refuse.
    act(() => {
      confirm.click();
      confirm.click();
    });
    const finishing = screen.getByRole("button", { name: "Finishing…", hidden: true }) as HTMLButtonElement;
    expect(finishing.disabled).toBe(true);
    fireEvent.click(finishing);

    const posts = () => fetchMock.mock.calls.filter(([url]) => url.endsWith("/bulk-finish"));
    await waitFor(() => expect(posts()).not.toHaveLength(0));
    // Give a second run, had one started, the same chance to reach the network.
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(posts()).toHaveLength(1);
  });
});
