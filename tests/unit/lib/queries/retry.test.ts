import { describe, expect, it, vi } from "vitest";
import { createQueryClient } from "@/components/ui/query-provider";
import { ApiError } from "@/lib/api/api-error";
import type { ErrorType } from "@/lib/api/envelope";
import { MAX_QUERY_RETRIES, retryQuery } from "@/lib/queries/retry";

const failure = (type: ErrorType, status: number) =>
  new ApiError(
    { type, message: type, httpStatus: null, code: "test", retryable: false, requestId: "r", details: {} },
    status,
  );

describe("which failed reads are tried again", () => {
  it("never a refusal: a validation error, a missing permission or sign-in, nothing found", () => {
    for (const error of [
      failure("validation_error", 400),
      failure("auth_error", 401),
      failure("permission_error", 403),
      failure("not_found", 404),
      new Error("a bug in the page"),
    ])
      expect(retryQuery(0, error), error.message).toBe(false);
  });

  it("a failure that may pass, up to three more times: no answer, a 5xx, a 429", () => {
    for (const error of [failure("network_error", 0), failure("server_error", 503), failure("rate_limited", 429)]) {
      expect(retryQuery(0, error), error.message).toBe(true);
      expect(retryQuery(MAX_QUERY_RETRIES - 1, error)).toBe(true);
      expect(retryQuery(MAX_QUERY_RETRIES, error)).toBe(false);
    }
  });

  it("is every query's default in the browser's QueryClient", async () => {
    const client = createQueryClient();
    const refused = vi.fn(async () => {
      throw failure("validation_error", 400);
    });
    await expect(client.fetchQuery({ queryKey: ["refused"], queryFn: refused })).rejects.toBeInstanceOf(ApiError);
    expect(refused).toHaveBeenCalledTimes(1);

    const down = vi.fn(async () => {
      throw failure("server_error", 503);
    });
    await expect(client.fetchQuery({ queryKey: ["down"], queryFn: down, retryDelay: 0 })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(down).toHaveBeenCalledTimes(1 + MAX_QUERY_RETRIES);
  });
});
