import { describe, expect, it } from "vitest";
import { BuildkiteError } from "@/server/buildkite/errors";
import { toEnvelopeError } from "@/server/route-kit/error-envelope";

const upstream = (status: number, extra: Partial<ConstructorParameters<typeof BuildkiteError>[0]> = {}) =>
  new BuildkiteError({
    kind: "http",
    status,
    message: `HTTP ${status}`,
    method: "GET",
    path: "/v2/x",
    attempts: 1,
    retryable: false,
    ...extra,
  });

describe("Buildkite's refusals in the envelope", () => {
  it("reports a refused request as the operator's validation error, from Buildkite", () => {
    const mapped = toEnvelopeError(upstream(422), "req-1");
    expect(mapped.status).toBe(400);
    expect(mapped.error).toMatchObject({
      type: "validation_error",
      httpStatus: 422,
      code: "upstream_rejected",
      details: { source: "buildkite" },
    });
  });

  it("never reports a range Buildkite cannot serve as the operator's validation error", () => {
    const mapped = toEnvelopeError(upstream(416), "req-2");
    expect(mapped.error.type).toBe("server_error");
    expect(mapped.status).toBe(502);
    expect(mapped.error.httpStatus).toBe(416);
  });

  it("says when to come back after a rate limit", () => {
    const mapped = toEnvelopeError(
      upstream(429, { rateLimit: { scope: null, limit: 50, remaining: 0, resetSeconds: 12.2 } }),
      "req-3",
    );
    expect(mapped.status).toBe(429);
    expect(mapped.headers["retry-after"]).toBe("13");
    expect(mapped.error.details.retryAfterSeconds).toBe(12.2);
  });
});
