import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { apiFetch } from "@/lib/api/api-fetch";
import { ANSWER_CACHE_ENTRIES, taggedAnswers } from "@/lib/api/answer-cache";
import { successBody } from "../../../support/envelopes";

// Conditional polls: the last tagged answer per URL is kept, its tag sent, and a 304 answered with that
// very object, neither read nor validated again.

const envelope = (data: unknown) => successBody("queue.get", data);

type Answer = { status: number; body?: unknown; etag?: string };

/** A server answering each call with the next of `answers`; records the headers and cache mode sent. */
function server(...answers: Answer[]) {
  const sent: { ifNoneMatch: string | null; cache: RequestCache | undefined }[] = [];
  const fetchMock = vi.fn(async (_url: string, init?: RequestInit) => {
    sent.push({ ifNoneMatch: new Headers(init?.headers).get("if-none-match"), cache: init?.cache });
    const answer = answers.shift() ?? { status: 500 };
    const headers: Record<string, string> = answer.etag ? { etag: answer.etag } : {};
    const body = answer.status === 304 ? null : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status, headers });
  });
  vi.stubGlobal("fetch", fetchMock);
  return sent;
}

let urls = 0;
/** A URL no other test used: the cache of answers is the browser's one, shared by every test here. */
const freshUrl = () => `/api/v1/stacks/s/queue?queue=q${++urls}`;

const queue = z.object({ queueKey: z.string(), scheduledCount: z.number() });

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch with conditional", () => {
  it("sends the last tag, bypassing the HTTP cache, and on 304 returns the same object without validating", async () => {
    const url = freshUrl();
    const sent = server(
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }), etag: '"t1"' },
      { status: 304, etag: '"t1"' },
    );
    const first = await apiFetch(url, queue, undefined, { conditional: true });
    const parse = vi.spyOn(queue, "safeParse");
    const second = await apiFetch(url, queue, undefined, { conditional: true });

    expect(second).toBe(first);
    expect(parse).not.toHaveBeenCalled();
    expect(sent).toEqual([
      { ifNoneMatch: null, cache: "no-store" },
      { ifNoneMatch: '"t1"', cache: "no-store" },
    ]);
    parse.mockRestore();
  });

  it("replaces the kept answer with a 200 that follows a 304, and sends its tag next", async () => {
    const url = freshUrl();
    const sent = server(
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }), etag: '"t1"' },
      { status: 304, etag: '"t1"' },
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 4 }), etag: 'W/"t2"' },
      { status: 304, etag: 'W/"t2"' },
    );
    const first = await apiFetch(url, queue, undefined, { conditional: true });
    await apiFetch(url, queue, undefined, { conditional: true });
    const changed = await apiFetch(url, queue, undefined, { conditional: true });
    const unchanged = await apiFetch(url, queue, undefined, { conditional: true });

    expect(changed).not.toBe(first);
    expect(changed.data.scheduledCount).toBe(4);
    expect(unchanged).toBe(changed);
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([null, '"t1"', '"t1"', 'W/"t2"']);
  });

  it("keeps nothing for an untagged answer, and sends no tag for a schema other than the kept answer's", async () => {
    const url = freshUrl();
    const sent = server(
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }), etag: '"t1"' },
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }) },
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }) },
    );
    await apiFetch(url, queue, undefined, { conditional: true });
    await apiFetch(url, queue.extend({}), undefined, { conditional: true });
    await apiFetch(url, queue, undefined, { conditional: true });
    expect(sent.map((s) => s.ifNoneMatch)).toEqual([null, null, null]);
  });

  it("is off unless asked for: no tag sent, the HTTP cache left as the caller set it", async () => {
    const url = freshUrl();
    const sent = server(
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }), etag: '"t1"' },
      { status: 200, body: envelope({ queueKey: "q", scheduledCount: 3 }), etag: '"t1"' },
    );
    await apiFetch(url, queue);
    await apiFetch(url, queue);
    expect(sent).toEqual([
      { ifNoneMatch: null, cache: undefined },
      { ifNoneMatch: null, cache: undefined },
    ]);
  });

  it("reports a 304 it did not ask for as a network error, not as data", async () => {
    server({ status: 304 });
    const error = await apiFetch(freshUrl(), queue, undefined, { conditional: true }).then(
      () => expect.unreachable(),
      (thrown: unknown) => thrown as ApiError,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.error).toMatchObject({ type: "network_error", code: "unexpected_not_modified" });
  });

  it("keeps a bounded number of answers, forgetting the least recently used first", async () => {
    const oldest = freshUrl();
    const used = freshUrl();
    const tagged = (n: number) => ({
      status: 200,
      body: envelope({ queueKey: "q", scheduledCount: n }),
      etag: `"t${n}"`,
    });
    server(tagged(0), tagged(1), { status: 304 });
    await apiFetch(oldest, queue, undefined, { conditional: true });
    await apiFetch(used, queue, undefined, { conditional: true });
    // Using an answer makes it the most recent.
    await apiFetch(used, queue, undefined, { conditional: true });

    server(...Array.from({ length: ANSWER_CACHE_ENTRIES }, (_, n) => tagged(n)));
    for (let n = 0; n < ANSWER_CACHE_ENTRIES - 1; n++)
      await apiFetch(freshUrl(), queue, undefined, { conditional: true });
    expect(taggedAnswers.size).toBe(ANSWER_CACHE_ENTRIES);
    expect(taggedAnswers.get(oldest)).toBeUndefined();
    expect(taggedAnswers.get(used)?.etag).toBe('"t1"');
  });
});
