import "server-only";
import { z } from "zod";

const brand = Symbol.for("stack-console.EventStream");

/** Where an event stream writes: whole server-sent-event frames, and a way to end it from the inside. */
export interface EventSink {
  send(frame: Uint8Array): void;
  end(): void;
}

/**
 * A command's answer that is a stream of server-sent events rather than one envelope: validation, roles and
 * errors up to the first byte are the command's as usual; `open` then writes events until the viewer
 * leaves, and returns what to undo when it does.
 */
export interface EventStream {
  readonly [brand]: true;
  open(sink: EventSink): Promise<() => void>;
}

export const eventStream = (open: EventStream["open"]): EventStream => ({ [brand]: true, open });

export const isEventStream = (value: unknown): value is EventStream =>
  typeof value === "object" && value !== null && brand in value;

export const eventStreamOutput = z.custom<EventStream>(isEventStream, "must be an event stream");

export const EVENT_STREAM = "text/event-stream";

export interface EventStreamTiming {
  /** A comment this often keeps proxies from closing an idle connection. */
  heartbeatMs: number;
  /**
   * Streams end after this long and the browser reconnects where it left off: serverless hosts cap a
   * response's life, and long-lived connections pin a viewer to one instance however the load shifts.
   */
  maxLifetimeMs: number;
  /** How long a browser waits before reconnecting (the `retry:` field). */
  retryMs: number;
}

/** A viewer whose connection cannot keep up this many frames behind is dropped; it resumes on reconnect. */
const MAX_QUEUED_FRAMES = 256;

const encoder = new TextEncoder();

export function eventStreamResponse(
  stream: EventStream,
  { signal, requestId, timing }: { signal: AbortSignal; requestId: string; timing: EventStreamTiming },
): Response {
  let cleanup: (() => void) | null = null;
  const timers: NodeJS.Timeout[] = [];
  let closed = false;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const end = () => {
        if (closed) return;
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        signal.removeEventListener("abort", end);
        cleanup?.();
        try {
          controller.close();
        } catch {
          // Already cancelled by the viewer.
        }
      };
      const sink: EventSink = {
        send(frame) {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) return end();
          controller.enqueue(frame);
        },
        end,
      };
      signal.addEventListener("abort", end);
      timers.push(setInterval(() => sink.send(encoder.encode(": heartbeat\n\n")), timing.heartbeatMs));
      timers.push(setTimeout(end, timing.maxLifetimeMs));
      sink.send(encoder.encode(`retry: ${timing.retryMs}\n\n`));
      try {
        const undo = await stream.open(sink);
        if (closed) undo();
        else cleanup = undo;
      } catch {
        end();
      }
    },
    cancel() {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      cleanup?.();
    },
  });
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": `${EVENT_STREAM}; charset=utf-8`,
      // no-transform: a compressing layer (Next's own included) would otherwise hold events back to fill
      // its buffer; X-Accel-Buffering does the same for nginx.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      "x-request-id": requestId,
    },
  });
}
