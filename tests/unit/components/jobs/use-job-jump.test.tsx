import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useJobJump } from "@/components/jobs/use-job-jump";
import { envelope } from "../../../support/component-render";

afterEach(() => vi.unstubAllGlobals());

const STACK = "stack-console";
const LISTED = "11111111-0000-4000-8000-000000000001";
const HIDDEN = "22222222-0000-4000-8000-000000000002";
const HELD = "33333333-0000-4000-8000-000000000003";
const HELD_ELSEWHERE = "44444444-0000-4000-8000-000000000004";
const RESERVED_BY_OTHERS = "55555555-0000-4000-8000-000000000005";

const reservation = (stackKey: string, jobId: string) => ({
  stackKey,
  jobId,
  reservedBy: "Pat",
  reservedAt: new Date().toISOString(),
  expiresAt: new Date(Date.now() + 600_000).toISOString(),
  expirySeconds: 600,
  pipelineSlug: "web",
  buildNumber: 1,
  queueKey: "_default",
});

/** The reservations list and Buildkite's job states as the console's API answers them. */
function stubConsole(states: Record<string, string>) {
  const calls: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push(`${init?.method ?? "GET"} ${url}`);
      if (url === "/api/v1/reservations")
        return envelope("reservations.list", [reservation(STACK, HELD), reservation("other-stack", HELD_ELSEWHERE)]);
      const { jobIds } = JSON.parse(String(init?.body)) as { jobIds: string[] };
      const known = Object.fromEntries(jobIds.filter((id) => id in states).map((id) => [id, states[id]]));
      return envelope("jobs.states", { states: known, unknown: jobIds.filter((id) => !(id in states)) });
    }),
  );
  return calls;
}

function jump() {
  const focusRow = vi.fn();
  const openJob = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(
    () =>
      useJobJump({
        stackKey: STACK,
        rows: [LISTED],
        newIds: [],
        allIds: [LISTED, HIDDEN],
        focusRow,
        mergeAndFocus: vi.fn(),
        openJob,
      }),
    { wrapper },
  );
  return { run: result.current, focusRow, openJob };
}

describe("jump to job", () => {
  it("focuses a listed job without asking the server", async () => {
    const calls = stubConsole({});
    const { run, focusRow, openJob } = jump();
    expect(await run("1111")).toBeNull();
    expect(focusRow).toHaveBeenCalledWith(LISTED);
    expect(openJob).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
    expect(await run("2222")).toBe("Job 22222222 is hidden by the filters.");
  });

  it("opens a job this console holds on this stack, found by prefix in its reservations", async () => {
    stubConsole({});
    const { run, openJob } = jump();
    expect(await run("3333")).toBeNull();
    expect(openJob).toHaveBeenCalledWith(HELD);
  });

  it("does not take another stack's reservation for this stack's", async () => {
    stubConsole({});
    const { run, openJob } = jump();
    expect(await run("4444")).toMatch(/^No scheduled or reserved job matches “4444”/);
    expect(openJob).not.toHaveBeenCalled();
  });

  it("opens a job reserved by someone else when its full id is known to Buildkite", async () => {
    const calls = stubConsole({ [RESERVED_BY_OTHERS]: "reserved" });
    const { run, openJob } = jump();
    expect(await run(` ${RESERVED_BY_OTHERS.toUpperCase()} `)).toBeNull();
    expect(openJob).toHaveBeenCalledWith(RESERVED_BY_OTHERS);
    expect(calls).toContain(`POST /api/v1/stacks/${STACK}/job-states`);
  });

  it("says so when no job has the full id", async () => {
    stubConsole({});
    const { run, openJob } = jump();
    expect(await run(RESERVED_BY_OTHERS)).toBe(`No job has the id “${RESERVED_BY_OTHERS}”.`);
    expect(openJob).not.toHaveBeenCalled();
  });
});
