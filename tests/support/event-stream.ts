// Reads a server-sent event stream over real HTTP the way a browser's EventSource parses it, one event at
// a time, so tests can assert the order and content of what a stack page would hear.

export interface ServerEvent {
  event: string;
  id: string | null;
  data: string;
}

export interface OpenStream {
  status: number;
  headers: Headers;
  /** The next event (comments and `retry:` lines are skipped, but heartbeats are counted). */
  next(timeoutMs?: number): Promise<ServerEvent>;
  /** Events of the given kind until `count` are in hand, skipping others. */
  collect(event: string, count: number, timeoutMs?: number): Promise<ServerEvent[]>;
  heartbeats(): number;
  /** Resolves when the server ends the stream. */
  ended(): Promise<void>;
  close(): void;
}

export async function openEventStream(url: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const queue: ServerEvent[] = [];
  const waiters: (() => void)[] = [];
  let heartbeatCount = 0;
  let done = false;
  let endedResolve: () => void = () => {};
  const endedPromise = new Promise<void>((resolve) => (endedResolve = resolve));
  const wake = () => waiters.splice(0).forEach((wake) => wake());

  void (async () => {
    if (!response.body) return;
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      const reader = response.body.getReader();
      for (;;) {
        const { value: chunk, done: finished } = await reader.read();
        if (finished) break;
        buffer += decoder.decode(chunk, { stream: true });
        let split: number;
        while ((split = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, split);
          buffer = buffer.slice(split + 2);
          let event = "message";
          let id: string | null = null;
          const data: string[] = [];
          let comment = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) comment = true;
            else if (line.startsWith("event: ")) event = line.slice(7);
            else if (line.startsWith("id: ")) id = line.slice(4);
            else if (line.startsWith("data: ")) data.push(line.slice(6));
          }
          if (comment && data.length === 0) heartbeatCount++;
          if (data.length > 0) queue.push({ event, id, data: data.join("\n") });
          wake();
        }
      }
    } catch {
      // Closed by the test.
    }
    done = true;
    endedResolve();
    wake();
  })();

  async function next(timeoutMs = 10_000): Promise<ServerEvent> {
    const deadline = Date.now() + timeoutMs;
    while (queue.length === 0) {
      if (done) throw new Error("the stream ended");
      if (Date.now() > deadline) throw new Error(`no event within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return queue.shift() as ServerEvent;
  }

  return {
    status: response.status,
    headers: response.headers,
    next,
    async collect(event, count, timeoutMs = 10_000) {
      const found: ServerEvent[] = [];
      const deadline = Date.now() + timeoutMs;
      while (found.length < count) {
        const next_ = await next(Math.max(1, deadline - Date.now()));
        if (next_.event === event) found.push(next_);
      }
      return found;
    },
    heartbeats: () => heartbeatCount,
    ended: () => endedPromise,
    close: () => abort.abort(),
  };
}
