import { describe, expect, it } from "vitest";

import { escapedPath, escapePathSegment } from "@/server/buildkite/path";
import { CROPPED_DETAIL_SUFFIX, cropFinishDetail, FINISH_DETAIL_MAX_BYTES } from "@/server/buildkite/stacks";

describe("escapePathSegment", () => {
  it("encodes dots as %2E", () => {
    expect(escapePathSegment("my.stack")).toBe("my%2Estack");
    expect(escapePathSegment("..")).toBe("%2E%2E");
  });

  it("encodes slashes, spaces, reserved characters and unicode", () => {
    expect(escapePathSegment("a/b")).toBe("a%2Fb");
    expect(escapePathSegment("a b")).toBe("a%20b");
    expect(escapePathSegment("q?x=1&y#z")).toBe("q%3Fx%3D1%26y%23z");
    expect(escapePathSegment("it's(*)!")).toBe("it%27s%28%2A%29%21");
    expect(escapePathSegment("café-ß_🚀")).toBe("caf%C3%A9-%C3%9F_%F0%9F%9A%80");
  });

  it("leaves unreserved characters alone", () => {
    expect(escapePathSegment("Stack_key-01~")).toBe("Stack_key-01~");
  });

  it("escapes every interpolation of the path template and nothing else", () => {
    expect(escapedPath`/stacks/${"a.b"}/jobs/${"x/y"}/finish`).toBe("/stacks/a%2Eb/jobs/x%2Fy/finish");
    expect(escapedPath`/stacks/register`).toBe("/stacks/register");
  });
});

describe("cropFinishDetail", () => {
  const bytes = (text: string) => Buffer.byteLength(text, "utf8");

  it("leaves details up to 4096 bytes untouched", () => {
    const detail = "x".repeat(FINISH_DETAIL_MAX_BYTES);
    expect(cropFinishDetail(detail)).toBe(detail);
    expect(cropFinishDetail("é".repeat(2048))).toBe("é".repeat(2048));
  });

  it("crops to 4038 bytes plus the official suffix", () => {
    const cropped = cropFinishDetail("x".repeat(5000));
    expect(cropped).toBe("x".repeat(4038) + CROPPED_DETAIL_SUFFIX);
    expect(CROPPED_DETAIL_SUFFIX).toBe("… (Message was cropped because it exceeded the max size)");
    expect(bytes(cropped)).toBeLessThanOrEqual(FINISH_DETAIL_MAX_BYTES);
  });

  it("never splits a multi-byte character", () => {
    // 4037 ASCII bytes then 4-byte emoji: byte 4038 falls inside the emoji, which must go whole.
    const cropped = cropFinishDetail("x".repeat(4037) + "🚀".repeat(100));
    expect(cropped).toBe("x".repeat(4037) + CROPPED_DETAIL_SUFFIX);
    expect(cropped).not.toContain("\uFFFD");

    const threeByte = cropFinishDetail("€".repeat(2000));
    expect(threeByte).toBe("€".repeat(1346) + CROPPED_DETAIL_SUFFIX);
    expect(bytes(threeByte)).toBeLessThanOrEqual(FINISH_DETAIL_MAX_BYTES);
  });
});
