import type { IncomingHttpHeaders } from "node:http";
import { Dispatcher } from "undici";
import type { Handler } from "./handler";
import { SimulatedConnectionReset } from "./http-errors";

// On a serverless host a function cannot keep a port open, and a second request may land on another
// instance anyway. So the simulator's fetch-style handler is called right here, behind the one interface
// the Buildkite clients already take (an undici Dispatcher): they send and read exactly as they would over
// a socket, and cannot tell the difference.

type RequestBody = Dispatcher.DispatchOptions["body"];

/** Raised where a socket would have been reset; undici's own code for it, so callers classify it alike. */
class InProcessSocketError extends Error {
  readonly code = "UND_ERR_SOCKET";
  constructor(message: string) {
    super(message);
    this.name = "SocketError";
  }
}

function toHeaders(headers: Dispatcher.DispatchOptions["headers"]): Headers {
  const result = new Headers();
  if (headers === null || headers === undefined) return result;
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) result.append(String(headers[i]), String(headers[i + 1]));
    return result;
  }
  const entries: Iterable<[string, string | string[] | undefined]> =
    Symbol.iterator in headers
      ? (headers as Iterable<[string, string | string[] | undefined]>)
      : Object.entries(headers as Record<string, string | string[] | undefined>);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) result.append(name, one);
  }
  return result;
}

/** The clients send JSON strings; a stream is gathered too, since the simulator reads whole bodies. */
async function toBody(body: RequestBody): Promise<Uint8Array<ArrayBuffer> | string | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === "string") return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  if (Symbol.asyncIterator in body) {
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer | string>)
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    return new Uint8Array(Buffer.concat(chunks));
  }
  throw new TypeError("the in-process simulator takes a string, bytes or a stream as a request body");
}

function responseHeaders(headers: Headers): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  headers.forEach((value, name) => {
    if (name !== "set-cookie") result[name] = value;
  });
  const cookies = headers.getSetCookie();
  if (cookies.length > 0) result["set-cookie"] = cookies;
  return result;
}

/** Pause, resume and abort, as a socket-backed dispatcher offers them, over the response body's reader. */
class Controller implements Dispatcher.DispatchController {
  #aborted = false;
  #paused = false;
  #reason: Error | null = null;
  #resumed: (() => void) | null = null;
  onAbort: ((reason: Error) => void) | null = null;

  get aborted() {
    return this.#aborted;
  }
  get paused() {
    return this.#paused;
  }
  get reason() {
    return this.#reason;
  }

  abort(reason: Error) {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.resume();
    this.onAbort?.(reason);
  }

  pause() {
    this.#paused = true;
  }

  resume() {
    this.#paused = false;
    this.#resumed?.();
    this.#resumed = null;
  }

  /** Resolves at once unless the reader of the response asked for a pause (backpressure). */
  whileUnpaused(): Promise<void> {
    if (!this.#paused) return Promise.resolve();
    return new Promise((resolve) => (this.#resumed = resolve));
  }
}

async function serve(handle: Handler, options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
  const controller = new Controller();
  let settled = false;
  const fail = (error: Error) => {
    if (settled) return;
    settled = true;
    handler.onResponseError?.(controller, error);
  };
  controller.onAbort = fail;
  try {
    handler.onRequestStart?.(controller, {});
    if (controller.aborted) return;
    const url = new URL(options.path, options.origin ?? "http://simulator.invalid");
    const method = options.method.toUpperCase();
    const body = method === "GET" || method === "HEAD" ? undefined : await toBody(options.body);
    const request = new Request(url, { method, headers: toHeaders(options.headers), body });
    const response = await handle(request);
    if (controller.aborted) {
      await response.body?.cancel();
      return;
    }
    handler.onResponseStart?.(controller, response.status, responseHeaders(response.headers), response.statusText);
    const reader = response.body?.getReader();
    if (reader) {
      controller.onAbort = (reason) => {
        fail(reason);
        void reader.cancel(reason).catch(() => undefined);
      };
      for (;;) {
        await controller.whileUnpaused();
        if (controller.aborted) return;
        const chunk = await reader.read();
        if (chunk.done === true) break;
        if (controller.aborted) return;
        handler.onResponseData?.(
          controller,
          Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength),
        );
      }
    }
    if (controller.aborted || settled) return;
    settled = true;
    handler.onResponseEnd?.(controller, {});
  } catch (error) {
    // A simulated reset is a dropped connection to the caller, as it is over node:http.
    if (error instanceof SimulatedConnectionReset) fail(new InProcessSocketError("other side closed"));
    else fail(error instanceof Error ? error : new Error(String(error)));
  }
}

/** The simulator's in-process transport; one dispatcher per simulator, shared by every client. */
class InProcessDispatcher extends Dispatcher {
  // Not a #private field: compose() returns a Proxy, and close() runs with the Proxy as `this`.
  private closed = false;

  constructor(private readonly handle: Handler) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    if (this.closed) {
      queueMicrotask(() =>
        handler.onResponseError?.(new Controller(), new Error("the in-process simulator is closed")),
      );
      return false;
    }
    void serve(this.handle, options, handler);
    return true;
  }

  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    this.closed = true;
    if (callback) return void queueMicrotask(callback);
    return Promise.resolve();
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(...args: unknown[]): Promise<void> | void {
    this.closed = true;
    const callback = args.find((arg): arg is () => void => typeof arg === "function");
    if (callback) return void queueMicrotask(callback);
    return Promise.resolve();
  }
}

/**
 * A Dispatcher whose every request is answered by `handle`. Dispatcher#request hands dispatch() a handler
 * of the pre-7 callback API (nodejs/undici#4780); compose() wraps each handler in the undici 7 API
 * (onRequestStart … onResponseEnd), so an interceptor that adds nothing is all the adapting it takes.
 */
export function createInProcessDispatcher(handle: Handler): Dispatcher {
  return new InProcessDispatcher(handle).compose((dispatch) => dispatch);
}
