import { describe, expect, it } from "vitest";
import { answerTag, contentHash, ifNoneMatchHits, omitFields } from "@/server/route-kit/etag";

describe("ifNoneMatchHits", () => {
  const tag = "abc_-123";

  it("matches the quoted tag, alone or anywhere in a list", () => {
    expect(ifNoneMatchHits(`"${tag}"`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", "${tag}"`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other","${tag}" , "third"`, tag)).toBe(true);
  });

  it("compares weakly: a W/ prefix still matches", () => {
    expect(ifNoneMatchHits(`W/"${tag}"`, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/"${tag}"`, tag)).toBe(true);
  });

  it("matches any tag for *", () => {
    expect(ifNoneMatchHits("*", tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", *`, tag)).toBe(true);
  });

  it("does not match another tag, an unquoted one, a prefix of it, or no header", () => {
    expect(ifNoneMatchHits(`"other"`, tag)).toBe(false);
    expect(ifNoneMatchHits(tag, tag)).toBe(false);
    expect(ifNoneMatchHits(`"abc"`, tag)).toBe(false);
    expect(ifNoneMatchHits(`""`, tag)).toBe(false);
    expect(ifNoneMatchHits("", tag)).toBe(false);
    expect(ifNoneMatchHits(null, tag)).toBe(false);
  });
});

describe("answerTag", () => {
  const request = { key: "stack-console", queue: "_default", all: "1" };

  it("is a header-safe token that does not reveal the input", () => {
    const tag = answerTag("jobs.scheduled.list", request, false, contentHash([1, 2, 3]));
    expect(tag).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tag).not.toContain("stack-console");
  });

  it("differs by command, input and raw for the same content", () => {
    const content = contentHash({ same: true });
    const tags = new Set([
      answerTag("jobs.scheduled.list", request, false, content),
      answerTag("queue.get", request, false, content),
      answerTag("jobs.scheduled.list", { ...request, queue: "linux" }, false, content),
      answerTag("jobs.scheduled.list", { key: "stack-console", queue: "_default", limit: 10 }, false, content),
      answerTag(
        "jobs.scheduled.list",
        { key: "stack-console", queue: "_default", limit: 10, after: "c" },
        false,
        content,
      ),
      answerTag("jobs.scheduled.list", request, true, content),
    ]);
    expect(tags.size).toBe(6);
  });
});

describe("contentHash", () => {
  it("is equal for equal content and differs for any change", () => {
    expect(contentHash({ a: 1, b: [1, 2] })).toBe(contentHash({ a: 1, b: [1, 2] }));
    expect(contentHash({ a: 1, b: [1, 2] })).not.toBe(contentHash({ a: 1, b: [1, 3] }));
    expect(contentHash(null)).not.toBe(contentHash("null!"));
  });
});

describe("omitFields", () => {
  it("drops only the named fields", () => {
    expect(omitFields({ a: 1, fetchedAt: "t", b: null }, ["fetchedAt"])).toEqual({ a: 1, b: null });
  });
});
