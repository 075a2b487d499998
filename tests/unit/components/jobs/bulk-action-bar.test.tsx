import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BulkActionBar } from "@/components/jobs/bulk-action-bar";
import { OperatorProvider } from "@/components/ui/operator-context";

afterEach(() => vi.unstubAllGlobals());

const id = (n: number) => `${String(n).padStart(8, "0")}-0000-4000-8000-000000000000`;
const queued = (entries: readonly [number, string][]) =>
  new Map(entries.map(([n, pipeline]) => [id(n), { pipeline: { slug: pipeline } }]));
const QUEUE = queued([
  [1, "web"],
  [2, "api"],
  [3, "docs"],
]);
const ALL = [id(1), id(2), id(3)];

function renderBar(selectedIds: readonly string[], jobsById: ReturnType<typeof queued>) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const bar = (ids: readonly string[], jobs: ReturnType<typeof queued>) => (
    <QueryClientProvider client={client}>
      <OperatorProvider operator={{ name: "Pat", role: "operator" }}>
        <BulkActionBar
          stackKey="stack-console"
          queueKey="_default"
          selectedIds={ids}
          jobsById={jobs}
          onClear={() => {}}
        />
      </OperatorProvider>
    </QueryClientProvider>
  );
  const view = render(bar(selectedIds, jobsById));
  return { rerender: (ids: readonly string[], jobs: ReturnType<typeof queued>) => view.rerender(bar(ids, jobs)) };
}

/** Opens the finish form for the selection and types a reason. */
function openFormWithReason(count: number, reason: string) {
  fireEvent.click(screen.getByRole("button", { name: `Finish ${count}…` }));
  const form = screen.getByRole("form", { name: "Finish selected jobs" });
  fireEvent.change(within(form).getByLabelText("Reason"), { target: { value: reason } });
  return form;
}

describe("BulkActionBar: selected jobs that leave the queue while the finish form is open", () => {
  it("keeps the form and the reason, names the jobs that left, and reviews only the rest", () => {
    const view = renderBar(ALL, QUEUE);
    const form = openFormWithReason(3, "Stuck behind a dead agent");

    // The next poll: jobs 2 and 3 were dispatched.
    view.rerender([id(1)], queued([[1, "web"]]));

    expect(within(form).getByRole("status").textContent).toBe(
      "2 of the 3 selected jobs left the queue: 00000002 (api), 00000003 (docs). Only the remaining 1 will be finished.",
    );
    expect((within(form).getByLabelText("Reason") as HTMLTextAreaElement).value).toBe("Stuck behind a dead agent");
    fireEvent.click(within(form).getByRole("button", { name: "Finish 1 job…" }));
    expect(screen.getByRole("alertdialog", { name: "Finish 1 job?", hidden: true })).toBeTruthy();
  });

  it("says so when every selected job left, closes on request, and keeps the reason for the next selection", () => {
    const view = renderBar(ALL, QUEUE);
    const form = openFormWithReason(3, "Kept for later");

    view.rerender([], new Map());

    expect(within(form).getByRole("status").textContent).toMatch(
      /^All 3 selected jobs left the queue: 00000001 \(web\), 00000002 \(api\), 00000003 \(docs\)\. Nothing is left/,
    );
    expect((within(form).getByLabelText("Reason") as HTMLTextAreaElement).value).toBe("Kept for later");
    expect((within(form).getByRole("button", { name: "Finish 0 jobs…" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(form).getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("region", { name: "Bulk actions" })).toBeNull();

    view.rerender([id(4)], queued([[4, "web"]]));
    fireEvent.click(screen.getByRole("button", { name: "Finish 1…" }));
    const next = screen.getByRole("form", { name: "Finish selected jobs" });
    expect((within(next).getByLabelText("Reason") as HTMLTextAreaElement).value).toBe("Kept for later");
    expect(within(next).getByRole("status").textContent).toBe("");
  });

  it("does not count a job the operator deselects, still in the queue, as one that left", () => {
    const view = renderBar(ALL, QUEUE);
    const form = openFormWithReason(3, "Only two");
    view.rerender([id(1), id(2)], QUEUE);
    expect(within(form).getByRole("status").textContent).toBe("");
    expect(within(form).getByRole("button", { name: "Finish 2 jobs…" })).toBeTruthy();
  });
});

describe("BulkActionBar: confirming a bulk finish", () => {
  it("starts one run however many times Confirm is clicked, and keeps Confirm disabled while it runs", async () => {
    // The server never answers, so the run is still going when the later clicks land.
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) => new Promise<Response>(() => {}));
    vi.stubGlobal("fetch", fetchMock);
    renderBar(ALL, QUEUE);
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
