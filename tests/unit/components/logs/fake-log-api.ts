import { vi } from "vitest";
import { API_VERSION } from "@/lib/api/envelope";
import type { BuildDetail } from "@/lib/schemas/builds";
import { envelope } from "../../../support/component-render";
import { parseLog } from "@/lib/log/parser";

// A stand-in for the console's log routes over one in-memory log, with the semantics the viewer relies on:
// chunks on line boundaries, the tail first (unnumbered until "indexed"), `before=`, `line=`, `after=` and a
// whole-log search. ASCII logs only, so characters and bytes agree.

export const JOB_ID = "01890c4e-7f11-4c3a-9b1e-4f5d6a7b8c9d";
export const LOG_REF = { pipeline: "web", number: 42, jobId: JOB_ID };

export interface FakeLogOptions {
  /** Bytes the tail holds at most. */
  tailBytes?: number;
  final?: boolean;
  /** Whether the first tail answer is already numbered. */
  indexed?: boolean;
}

export class FakeLog {
  text: string;
  final: boolean;
  indexed: boolean;
  readonly tailBytes: number;
  readonly requests: string[] = [];

  constructor(text: string, options: FakeLogOptions = {}) {
    this.text = text;
    this.final = options.final ?? true;
    this.indexed = options.indexed ?? true;
    this.tailBytes = options.tailBytes ?? 256 * 1024;
  }

  append(more: string) {
    this.text += more;
  }

  /** The first line boundary at or after `byte`. */
  private lineStartFrom(byte: number): number {
    if (byte <= 0) return 0;
    const newline = this.text.lastIndexOf("\n", byte - 1);
    if (newline === byte - 1) return byte;
    const next = this.text.indexOf("\n", byte);
    return next < 0 ? this.text.length : next + 1;
  }

  private lineStart(line: number): number {
    let at = 0;
    for (let n = 1; n < line && at < this.text.length; n++) at = this.text.indexOf("\n", at) + 1 || this.text.length;
    return at;
  }

  private lineCount(): number {
    return this.text.split("\n").filter((_, index, all) => index < all.length - 1 || all[index] !== "").length;
  }

  private chunk(start: number, end: number) {
    const numbered = this.indexed;
    return {
      totalBytes: this.text.length,
      start,
      end,
      firstLine: numbered ? this.text.slice(0, start).split("\n").length : null,
      lineCount: numbered ? this.lineCount() : null,
      text: this.text.slice(start, end),
      final: this.final,
    };
  }

  /** What `builds.get` answers for the job's build, when set. */
  build: BuildDetail | null = null;

  /** The next chunk requests fail with this error type (as the BFF reports an upstream failure). */
  failing: { type: "permission_error" | "server_error" | "not_found"; count: number } | null = null;

  private failure(type: string): Response {
    const status = type === "permission_error" ? 403 : type === "not_found" ? 404 : 502;
    const error = {
      type,
      message: `Buildkite answered ${status}`,
      httpStatus: status,
      code: type,
      retryable: type === "server_error",
      requestId: "req-1",
      details: { source: "buildkite" },
    };
    return Response.json(
      {
        ok: false,
        apiVersion: API_VERSION,
        command: "jobs.log.chunk",
        request: {},
        summary: {},
        pagination: null,
        data: null,
        error,
      },
      { status },
    );
  }

  answer(url: string): Response {
    this.requests.push(url);
    if (this.failing && this.failing.count > 0 && url.includes("/log/chunk")) {
      this.failing.count--;
      return this.failure(this.failing.type);
    }
    const { pathname, searchParams } = new URL(url, "http://console.test");
    if (pathname.endsWith("/log/chunk")) {
      const total = this.text.length;
      const before = searchParams.get("before");
      const line = searchParams.get("line");
      const after = searchParams.get("after");
      if (before !== null) {
        const end = Number(before);
        return envelope(
          "jobs.log.chunk",
          this.chunk(this.lineStartFrom(Math.max(0, end - Number(searchParams.get("bytes") ?? this.tailBytes))), end),
        );
      }
      if (line !== null) {
        const n = Number(line);
        return envelope("jobs.log.chunk", this.chunk(this.lineStart(Math.max(1, n - 20)), this.lineStart(n + 21)));
      }
      if (after !== null) {
        const bytes = searchParams.get("bytes");
        // Ends on the last line boundary within `bytes`, or at the log's end.
        const limit = bytes === null ? total : Math.min(total, Number(after) + Number(bytes));
        const end = limit >= total ? total : this.text.lastIndexOf("\n", limit - 1) + 1;
        return envelope("jobs.log.chunk", this.chunk(Number(after), Math.max(Number(after), end)));
      }
      const tail = this.chunk(this.lineStartFrom(total - this.tailBytes), total);
      // The server indexes while it answers the first tail; the next answer is numbered.
      this.indexed = true;
      return envelope("jobs.log.chunk", tail);
    }
    if (pathname.endsWith("/log/search")) {
      const query = searchParams.get("q") ?? "";
      const caseSensitive = searchParams.get("caseSensitive") === "1";
      const lines = parseLog(this.text)
        .map((parsed, index) => ({ text: caseSensitive ? parsed.text : parsed.text.toLowerCase(), number: index + 1 }))
        .filter((parsed) => parsed.text.includes(caseSensitive ? query : query.toLowerCase()))
        .map((parsed) => parsed.number);
      return envelope("jobs.log.search", {
        query,
        count: lines.length,
        lines: lines.slice(0, 1000),
        limit: 1000,
        lineCount: this.lineCount(),
      });
    }
    if (this.build && pathname === `/api/v1/pipelines/${LOG_REF.pipeline}/builds/${LOG_REF.number}`)
      return envelope("builds.get", this.build);
    return Response.json(
      {
        ok: false,
        apiVersion: API_VERSION,
        command: "unknown",
        request: {},
        summary: {},
        pagination: null,
        data: null,
        error: {
          type: "not_found",
          message: `No route ${pathname}`,
          httpStatus: null,
          code: "not_found",
          retryable: false,
          requestId: "",
          details: {},
        },
      },
      { status: 404 },
    );
  }

  /** The number of the first line the tail holds. */
  firstLineOfTail(): number {
    return this.text.slice(0, this.lineStartFrom(this.text.length - this.tailBytes)).split("\n").length;
  }

  /** Serves this log as the console's API. */
  install() {
    vi.stubGlobal(
      "fetch",
      vi.fn(async (url: string) => this.answer(url)),
    );
    return this;
  }
}

/** `count` numbered lines, `line <n> …`, each ending in a newline. */
export const numberedLines = (count: number, from = 1) =>
  Array.from({ length: count }, (_, index) => `line ${from + index} of the build output\n`).join("");

/**
 * jsdom lays nothing out: give the log's scroll box a 400 px viewport, a scroll height from its content,
 * and scrolling that clamps and fires `scroll`, so the virtual list renders what a browser would.
 */
export function fakeScrollLayout(viewport = 400) {
  const isLog = (element: HTMLElement) => element.dataset.testid === "log-scroll";
  const contentHeight = (element: HTMLElement) =>
    Number.parseFloat((element.firstElementChild as HTMLElement | null)?.style.height ?? "0") || 0;
  const offsets = new WeakMap<HTMLElement, number>();
  const clientHeight = vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockImplementation(function (
    this: HTMLElement,
  ) {
    return isLog(this) ? viewport : 0;
  });
  const clientWidth = vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockImplementation(function (
    this: HTMLElement,
  ) {
    return isLog(this) ? 1000 : 0;
  });
  const scrollHeight = vi.spyOn(HTMLElement.prototype, "scrollHeight", "get").mockImplementation(function (
    this: HTMLElement,
  ) {
    return isLog(this) ? Math.max(viewport, contentHeight(this)) : 0;
  });
  const scrollTop = vi.spyOn(Element.prototype, "scrollTop", "get").mockImplementation(function (this: Element) {
    return offsets.get(this as HTMLElement) ?? 0;
  });
  const setScrollTop = vi.spyOn(Element.prototype, "scrollTop", "set").mockImplementation(function (
    this: Element,
    value: number,
  ) {
    const element = this as HTMLElement;
    const max = Math.max(0, Math.max(viewport, contentHeight(element)) - viewport);
    const next = Math.min(max, Math.max(0, value));
    if (next === (offsets.get(element) ?? 0)) return;
    offsets.set(element, next);
    element.dispatchEvent(new Event("scroll"));
  });
  Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number) {
    if (typeof options === "object" && options.top !== undefined) this.scrollTop = options.top;
  } as Element["scrollTo"];
  return {
    restore: () => {
      for (const spy of [clientHeight, clientWidth, scrollHeight, scrollTop, setScrollTop]) spy.mockRestore();
    },
    /** Scrolls without the `scroll` event yet, as a browser does until its next frame. */
    scrollSilently: (element: HTMLElement, top: number) => offsets.set(element, top),
  };
}
