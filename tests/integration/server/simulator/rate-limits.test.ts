import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { post, startHarness, type Harness } from "./sim-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimits: true });
});
beforeEach(() => h.control("reset"));
afterAll(() => h.sim.close());

const listPath = (stack: string) => `/stacks/${stack}/scheduled-jobs?queue_key=_default&limit=1`;
const headersOf = (response: Response) => ({
  scope: response.headers.get("ratelimit-scope"),
  limit: response.headers.get("ratelimit-limit"),
  remaining: response.headers.get("ratelimit-remaining"),
  reset: response.headers.get("ratelimit-reset"),
});

describe("rate limits", () => {
  it("allows 10 list calls per second per stack, then answers 429 with the documented body", async () => {
    // Sent together so they share one window: the window opens with the first request.
    const responses = await Promise.all(Array.from({ length: 12 }, () => h.api(listPath("stack-console"))));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array<number>(10).fill(200), 429, 429]);
    const limited = responses.find((response) => response.status === 429);
    expect(await limited?.json()).toEqual({
      message: "You have exceeded your API rate limit. Please wait 1 seconds before making more requests.",
      scope: "list-scheduled-jobs",
      limit: 10,
      current: expect.any(Number),
      reset: 1,
    });
    expect(limited && headersOf(limited)).toEqual({
      scope: "list-scheduled-jobs",
      limit: "10",
      remaining: "0",
      reset: "1",
    });
    const remaining = responses
      .filter((response) => response.status === 200)
      .map((response) => Number(response.headers.get("ratelimit-remaining")));
    expect(remaining.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps separate budgets per stack key and per scope", async () => {
    await h.api("/stacks/register", post({ key: "second", type: "custom", queue_key: "_default", metadata: {} }));
    await Promise.all(Array.from({ length: 11 }, () => h.api(listPath("stack-console"))));
    const otherStack = await h.api(listPath("second"));
    expect(otherStack.status).toBe(200);
    const otherScope = await h.api("/stacks/stack-console/jobs/get-states", post({ job_uuids: [] }));
    expect(otherScope.status).toBe(200);
    expect(headersOf(otherScope)).toMatchObject({ scope: "batch-load-job-states", limit: "20", remaining: "19" });
  });

  it.each([
    ["show-job", "1000", () => h.api("/stacks/stack-console/jobs/00000000-0000-4000-8000-000000000000")],
    [
      "finish-job",
      "100",
      () => h.api("/stacks/stack-console/jobs/00000000-0000-4000-8000-000000000000/finish", post({ detail: "x" })),
    ],
    ["stack-notification", "200", () => h.api("/stacks/stack-console/notifications", post({ notifications: [] }))],
    [
      "batch-reserve",
      "10",
      () => h.api("/stacks/stack-console/scheduled-jobs/batch-reserve", { method: "PUT", body: "{}" }),
    ],
    ["default", "10", () => h.api("/stacks/nobody/deregister", { method: "POST" })],
    ["default", "10", () => h.api("/stacks/unknown/route/here")],
    ["list-scheduled-jobs", "10", () => fetch(`${h.sim.agentApiUrl}${listPath("stack-console")}`)],
  ])("puts rate-limit headers on every /v3 response (%s)", async (scope, limit, call) => {
    const response = await call();
    const headers = headersOf(response);
    expect(headers).toMatchObject({ scope, limit, reset: "1" });
    expect(Number(headers.remaining)).toBeGreaterThanOrEqual(0);
  });

  it("does not spend budget on requests refused for a bad token", async () => {
    await Promise.all(Array.from({ length: 15 }, () => fetch(`${h.sim.agentApiUrl}${listPath("stack-console")}`)));
    expect((await h.api(listPath("stack-console"))).status).toBe(200);
  });
});
