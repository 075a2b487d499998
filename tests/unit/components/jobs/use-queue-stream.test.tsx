import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { useQueueStream } from "@/components/jobs/use-queue-stream";
import type { ScheduledJobsEnvelope } from "@/lib/live/apply-change-set";
import { scheduledJobsQuery } from "@/lib/queries/stacks";
import type { ChangeSet } from "@/lib/schemas/change-sets";
import { scheduledJob } from "../../../support/scheduled-jobs";

/** Stands in for the browser's EventSource: the test plays the server's events. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  readonly listeners = new Map<string, ((event: MessageEvent) => void)[]>();
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const listener of this.listeners.get(type) ?? [])
      listener(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const latest = () => FakeEventSource.opened.at(-1)!;
const jobs = [scheduledJob(1), scheduledJob(2)];
const held = (version: number, data = jobs): ScheduledJobsEnvelope => ({
  ok: true,
  apiVersion: "v1",
  command: "jobs.scheduled.list",
  request: {},
  summary: { version, count: data.length },
  pagination: null,
  data,
  error: null,
});
const hello = (version: number, resumed: boolean) => ({
  version,
  queueKey: "q",
  resumed,
  snapshotUrl: "/x",
  webhooks: true,
  pollIntervalMs: 2000,
});
const change = (overrides: Partial<ChangeSet>): ChangeSet => ({
  version: 11,
  previousVersion: 10,
  queueKey: "q",
  at: "2026-12-06T03:00:00.000Z",
  cause: "webhook",
  dispatchPaused: false,
  complete: true,
  count: 3,
  added: [scheduledJob(3)],
  changed: [],
  removed: [],
  reload: false,
  ...overrides,
});

let client: QueryClient;
const key = scheduledJobsQuery("stack", "q").queryKey;
const wrapper = ({ children }: { children: ReactNode }) => (
  <QueryClientProvider client={client}>{children}</QueryClientProvider>
);
const listReads = vi.fn();

beforeEach(() => {
  FakeEventSource.opened = [];
  vi.stubGlobal("EventSource", FakeEventSource);
  client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  listReads.mockReset();
  // The list as the server would answer it when read again.
  client.setQueryDefaults(key, {
    queryFn: async () => {
      listReads();
      return held(20, [scheduledJob(7)]);
    },
  });
  client.setQueryData(key, held(10));
});
afterEach(() => vi.unstubAllGlobals());

describe("the stack page's event stream", () => {
  test("opens from the version the page holds and says live once the server says hello", async () => {
    const { result } = renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    expect(latest().url).toBe("/api/v1/stacks/stack/events?queue=q&since=10");
    expect(result.current.mode).toBe("polling");
    act(() => latest().emit("hello", hello(10, true)));
    expect(result.current).toMatchObject({ mode: "live", webhooks: true });
  });

  test("applies a change set that follows the held version, leaving unchanged jobs as they were", () => {
    renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    act(() => latest().emit("hello", hello(10, true)));
    act(() => latest().emit("change", change({})));
    const list = client.getQueryData<ScheduledJobsEnvelope>(key)!;
    expect(list.data.map((job) => job.id)).toEqual([...jobs, scheduledJob(3)].map((job) => job.id));
    expect(list.data[0]).toBe(jobs[0]);
    expect(list.summary.version).toBe(11);
    expect(listReads).not.toHaveBeenCalled();
  });

  test("ignores a change it already has", () => {
    renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    act(() => latest().emit("change", change({ version: 9, previousVersion: 8 })));
    expect(client.getQueryData<ScheduledJobsEnvelope>(key)!.summary.version).toBe(10);
  });

  test("a gap reconnects from the held version, so the server replays what came between", () => {
    renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    const first = latest();
    act(() => first.emit("change", change({ version: 13, previousVersion: 12 })));
    expect(first.closed).toBe(true);
    expect(latest()).not.toBe(first);
    expect(latest().url).toContain("since=10");
    expect(client.getQueryData<ScheduledJobsEnvelope>(key)!.summary.version).toBe(10);
  });

  test("a hello that cannot resume reads the list again", async () => {
    renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    act(() => latest().emit("hello", hello(30, false)));
    await waitFor(() => expect(listReads).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(client.getQueryData<ScheduledJobsEnvelope>(key)!.summary.version).toBe(20));
  });

  test("a change that does not add up reads the list again", async () => {
    renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    act(() => latest().emit("change", change({ count: 9 })));
    await waitFor(() => expect(listReads).toHaveBeenCalledTimes(1));
  });

  test("a dropped stream says polling and reconnects by itself", async () => {
    vi.useFakeTimers();
    try {
      const { result } = renderHook(() => useQueueStream("stack", "q", true), { wrapper });
      const first = latest();
      act(() => first.emit("hello", hello(10, true)));
      act(() => first.onerror?.());
      expect(result.current.mode).toBe("polling");
      await act(async () => vi.advanceTimersByTimeAsync(1_000));
      expect(FakeEventSource.opened).toHaveLength(2);
      expect(latest().url).toContain("since=10");
    } finally {
      vi.useRealTimers();
    }
  });

  test("a failing upstream read is said, and cleared when reads work again", () => {
    const { result } = renderHook(() => useQueueStream("stack", "q", true), { wrapper });
    const error = {
      type: "server_error",
      message: "Buildkite answered 502",
      httpStatus: 502,
      code: "upstream",
      retryable: true,
      requestId: "",
      details: { source: "buildkite" },
    };
    act(() => latest().emit("upstream", { ok: false, error }));
    expect(result.current.upstreamError?.message).toBe("Buildkite answered 502");
    act(() => latest().emit("upstream", { ok: true }));
    expect(result.current.upstreamError).toBeNull();
  });

  test("held still (refresh paused), it closes the stream", () => {
    const { rerender, result } = renderHook(({ on }) => useQueueStream("stack", "q", on), {
      wrapper,
      initialProps: { on: true },
    });
    act(() => latest().emit("hello", hello(10, true)));
    rerender({ on: false });
    expect(latest().closed).toBe(true);
    expect(result.current.mode).toBe("polling");
  });
});
