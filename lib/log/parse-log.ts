import type { LogLine } from "@/lib/log/types";
import { parseChunkText } from "./parse-text";

// Chunks are parsed in a Web Worker: a 256 KiB chunk of colour-heavy output is tens of milliseconds of
// parsing, and a burst of them (scrolling up through a 100 MB log) would otherwise stall scrolling. Next
// bundles `new Worker(new URL(…, import.meta.url))` as its own entry, so the worker costs no setup. Where no
// Worker exists (jsdom in tests, or a worker that fails to start) parsing falls back to the main thread in
// 64 KiB slices with a yield to the browser between them, so the tab still never freezes.

export interface ParseRequest {
  id: number;
  text: string;
}

export type ParseResponse = { id: number; lines: LogLine[] } | { id: number; error: string };

export interface ChunkParser {
  parse(text: string): Promise<LogLine[]>;
  dispose(): void;
}

const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const mainThreadParser: ChunkParser = {
  parse: (text) => parseChunkText(text, yieldToBrowser),
  dispose: () => {},
};

export function createChunkParser(): ChunkParser {
  if (typeof Worker === "undefined") return mainThreadParser;
  let worker: Worker | null;
  try {
    worker = new Worker(new URL("./parse-worker.ts", import.meta.url), { type: "module" });
  } catch {
    return mainThreadParser;
  }
  let nextId = 0;
  const pending = new Map<
    number,
    { resolve: (lines: LogLine[]) => void; reject: (error: Error) => void; text: string }
  >();
  const fallBack = () => {
    worker?.terminate();
    worker = null;
    for (const [id, request] of pending) {
      pending.delete(id);
      mainThreadParser.parse(request.text).then(request.resolve, request.reject);
    }
  };
  worker.onmessage = (event: MessageEvent<ParseResponse>) => {
    const request = pending.get(event.data.id);
    if (!request) return;
    pending.delete(event.data.id);
    if ("lines" in event.data) request.resolve(event.data.lines);
    else request.reject(new Error(event.data.error));
  };
  worker.onerror = fallBack;
  return {
    parse(text) {
      if (!worker) return mainThreadParser.parse(text);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, text });
        worker?.postMessage({ id, text } satisfies ParseRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
