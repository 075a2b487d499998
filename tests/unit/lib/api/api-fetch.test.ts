import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { apiFetch } from "@/lib/api/api-fetch";
import { successBody } from "../../../support/envelopes";

// The browser's side of the contract: what the server sent is checked against what the page reads, and a
// mismatch is reported as such, never as an outage.

const envelope = (data: unknown) => successBody("queue.get", data);
const answer = (body: unknown, status = 200) =>
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable(),
    (error: unknown) => error as ApiError,
  );

afterEach(() => vi.unstubAllGlobals());

describe("apiFetch", () => {
  const queue = z.object({ queueKey: z.string(), dispatchPaused: z.boolean() });

  it("hands over the envelope with data the page's schema accepts", async () => {
    answer(envelope({ queueKey: "_default", dispatchPaused: false }));
    expect((await apiFetch("/api/v1/x", queue)).data).toEqual({ queueKey: "_default", dispatchPaused: false });
  });

  it("reports data the page cannot read as a response mismatch naming the field, not as a network error", async () => {
    answer(envelope({ queueKey: "_default", paused: false }));
    const error = await failureOf(apiFetch("/api/v1/x", queue));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.error).toMatchObject({
      type: "internal_error",
      code: "response_mismatch",
      retryable: false,
      details: { source: "console", command: "queue.get" },
    });
    expect(error.message).toContain("data.dispatchPaused");
  });

  it("passes the server's own error envelope through", async () => {
    const refused = {
      type: "not_found",
      message: "No such queue",
      httpStatus: 404,
      code: "upstream_not_found",
      retryable: false,
      requestId: "r",
      details: { source: "buildkite" },
    };
    answer({ ...envelope(null), ok: false, error: refused }, 404);
    const error = await failureOf(apiFetch("/api/v1/x", queue));
    expect(error.error).toEqual(refused);
    expect(error.status).toBe(404);
  });

  it("calls an unreachable server or an answer without JSON a network error", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))),
    );
    expect((await failureOf(apiFetch("/api/v1/x", queue))).error.type).toBe("network_error");
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502 })),
    );
    expect((await failureOf(apiFetch("/api/v1/x", queue))).error).toMatchObject({
      type: "network_error",
      retryable: true,
    });
  });
});
