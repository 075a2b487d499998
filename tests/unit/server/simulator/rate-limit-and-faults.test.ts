import { describe, expect, it } from "vitest";
import { FaultBook, faultSpecSchema } from "@/server/simulator/faults";
import { RateLimiter, rateLimitedBody } from "@/server/simulator/rate-limit";

describe("RateLimiter", () => {
  it("limits each bucket and scope separately", () => {
    const limiter = new RateLimiter(true);
    const statuses = Array.from({ length: 11 }, () => limiter.consume("stack-a", "batch-reserve"));
    expect(statuses.map((status) => status.limited)).toEqual([...Array<boolean>(10).fill(false), true]);
    expect(statuses.at(-1)).toMatchObject({ limit: 10, current: 11, remaining: 0, resetSeconds: 1 });
    expect(limiter.consume("stack-b", "batch-reserve").limited).toBe(false);
    expect(limiter.consume("stack-a", "show-job")).toMatchObject({ limited: false, limit: 1000, remaining: 999 });
    expect(limiter.peek("stack-a", "batch-reserve")).toMatchObject({ current: 11, remaining: 0 });
  });

  it("counts but never limits when disabled, and forgets windows on reset", () => {
    const limiter = new RateLimiter(false);
    for (let i = 0; i < 50; i++) expect(limiter.consume("k", "default").limited).toBe(false);
    limiter.reset();
    expect(limiter.peek("k", "default")).toMatchObject({ current: 0, remaining: 10 });
  });

  it("words the 429 body like Buildkite", () => {
    const limiter = new RateLimiter(true);
    let status = limiter.consume("k", "finish-job");
    for (let i = 0; i < 100; i++) status = limiter.consume("k", "finish-job");
    expect(rateLimitedBody(status)).toEqual({
      message: "You have exceeded your API rate limit. Please wait 1 seconds before making more requests.",
      scope: "finish-job",
      limit: 100,
      current: 101,
      reset: 1,
    });
  });
});

describe("FaultBook", () => {
  const arm = (book: FaultBook, spec: Record<string, unknown>) => book.arm(faultSpecSchema.parse(spec));

  it("matches * across any characters and everything else literally", () => {
    const book = new FaultBook();
    arm(book, { path: "/v3/stacks/*/jobs/*.json", status: 500, count: 10 });
    expect(book.take("GET", "/v3/stacks/a/b/jobs/x.json")).toBeDefined();
    expect(book.take("GET", "/v3/stacks/a/jobs/xXjson")).toBeUndefined();
    expect(book.take("GET", "/v3/stacks/a/jobs/x.json/more")).toBeUndefined();
  });

  it("consumes uses in arming order and honours the method", () => {
    const book = new FaultBook();
    arm(book, { method: "put", path: "/p", status: 500 });
    arm(book, { path: "/p", status: 503, count: 2 });
    expect(book.take("GET", "/p")?.status).toBe(503);
    expect(book.take("PUT", "/p")?.status).toBe(500);
    expect(book.take("PUT", "/p")?.status).toBe(503);
    expect(book.take("PUT", "/p")).toBeUndefined();
    expect(book.list()).toEqual([]);
  });

  it("clears and reports how many were armed", () => {
    const book = new FaultBook();
    arm(book, { path: "/a", delayMs: 5 });
    arm(book, { path: "/b", mode: "malformed" });
    expect(book.list().map((fault) => fault.path)).toEqual(["/a", "/b"]);
    expect(book.clear()).toBe(2);
    expect(book.take("GET", "/a")).toBeUndefined();
  });
});
