import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { eventStream, eventStreamResponse, type EventSink } from "@/server/route-kit/event-stream";

const timing = { heartbeatMs: 15_000, maxLifetimeMs: 900_000, retryMs: 2_000 };
const decoder = new TextDecoder();

async function readSome(response: Response, chunks: number): Promise<string> {
  const reader = response.body!.getReader();
  let text = "";
  for (let i = 0; i < chunks; i++) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
  }
  reader.releaseLock();
  return text;
}

describe("an event stream's response", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test("is text/event-stream that no proxy may buffer or transform", () => {
    const response = eventStreamResponse(
      eventStream(async () => () => {}),
      {
        signal: new AbortController().signal,
        requestId: "r-1",
        timing,
      },
    );
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    expect(response.headers.get("x-request-id")).toBe("r-1");
  });

  test("says how soon to reconnect, then sends what the command writes and a heartbeat every 15 s", async () => {
    let sink: EventSink | undefined;
    const response = eventStreamResponse(
      eventStream(async (given) => {
        sink = given;
        return () => {};
      }),
      { signal: new AbortController().signal, requestId: "r", timing },
    );
    expect(await readSome(response, 1)).toBe("retry: 2000\n\n");
    await vi.advanceTimersByTimeAsync(0);
    sink!.send(new TextEncoder().encode("event: hello\ndata: {}\n\n"));
    expect(await readSome(response, 1)).toBe("event: hello\ndata: {}\n\n");
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await readSome(response, 1)).toBe(": heartbeat\n\n");
  });

  test("ends when the viewer leaves, undoing what the command set up, and stops its timers", async () => {
    const undo = vi.fn();
    const leaving = new AbortController();
    const response = eventStreamResponse(
      eventStream(async () => undo),
      { signal: leaving.signal, requestId: "r", timing },
    );
    await readSome(response, 1);
    await vi.advanceTimersByTimeAsync(0);
    leaving.abort();
    expect(undo).toHaveBeenCalledTimes(1);
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  test("ends by itself after its lifetime, so a serverless host never cuts it mid-event", async () => {
    const undo = vi.fn();
    const response = eventStreamResponse(
      eventStream(async () => undo),
      { signal: new AbortController().signal, requestId: "r", timing: { ...timing, maxLifetimeMs: 60_000 } },
    );
    await readSome(response, 1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(undo).toHaveBeenCalledTimes(1);
  });

  test("a viewer that cannot keep up is dropped rather than buffered without end", async () => {
    let sink: EventSink | undefined;
    const undo = vi.fn();
    eventStreamResponse(
      eventStream(async (given) => {
        sink = given;
        return undo;
      }),
      { signal: new AbortController().signal, requestId: "r", timing },
    );
    await vi.advanceTimersByTimeAsync(0);
    // Nobody reads the body: the frames queue up until the stream gives up on this viewer.
    for (let i = 0; i < 1000; i++) sink!.send(new TextEncoder().encode(`data: ${i}\n\n`));
    expect(undo).toHaveBeenCalledTimes(1);
  });
});
