import { afterEach, describe, expect, it, vi } from "vitest";
import { createQueryClient } from "@/components/ui/query-provider";
import { taggedAnswers } from "@/lib/api/answer-cache";
import { scheduledJobsQuery } from "@/lib/queries/stacks";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { jobNamed } from "../../../support/scheduled-jobs";

// A poll answered 304 through TanStack Query: the data stays the very same object (nothing re-renders),
// while the time of the last update, which "updated Ns ago" shows, still advances.

const job = (id: string, priority = 0) => jobNamed(id, { priority });

const listAnswer = (jobs: ScheduledJob[], etag: string) =>
  new Response(
    JSON.stringify({
      ok: true,
      apiVersion: "v1",
      command: "jobs.scheduled.list",
      request: {},
      summary: {},
      pagination: null,
      data: jobs,
      error: null,
    }),
    { status: 200, headers: { etag } },
  );

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("polling the scheduled jobs with tags", () => {
  it("keeps data identical on 304 and still moves dataUpdatedAt on", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.parse("2026-12-06T10:00:00Z") });
    const answers = [listAnswer([job("a"), job("b")], '"t1"'), new Response(null, { status: 304 })];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answers.shift()),
    );
    const client = createQueryClient();
    const query = scheduledJobsQuery("s", "q304");

    const first = await client.fetchQuery({ ...query, staleTime: 0 });
    const firstUpdate = client.getQueryState(query.queryKey)?.dataUpdatedAt;
    vi.setSystemTime(Date.parse("2026-12-06T10:00:02Z"));
    const second = await client.fetchQuery({ ...query, staleTime: 0 });

    expect(second).toBe(first);
    expect(second.data).toBe(first.data);
    expect(client.getQueryState(query.queryKey)?.dataUpdatedAt).toBe(Date.parse("2026-12-06T10:00:02Z"));
    expect(firstUpdate).toBe(Date.parse("2026-12-06T10:00:00Z"));
  });

  it("after a changed list, a 304 hands back the merged object the query holds, unchanged rows and all", async () => {
    const answers = [
      listAnswer([job("a"), job("b")], '"t1"'),
      listAnswer([job("a"), job("b", 5)], '"t2"'),
      new Response(null, { status: 304 }),
    ];
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => answers.shift()),
    );
    const client = createQueryClient();
    const query = scheduledJobsQuery("s", "qmerge");

    const held = () => client.getQueryData(query.queryKey);
    await client.fetchQuery({ ...query, staleTime: 0 });
    const first = held();
    await client.fetchQuery({ ...query, staleTime: 0 });
    const changed = held();
    // Structural sharing kept the unchanged row's object: what the query holds is not what was parsed.
    expect(changed?.data[0]).toBe(first?.data[0]);
    expect(changed?.data[1]?.priority).toBe(5);

    expect(await client.fetchQuery({ ...query, staleTime: 0 })).toBe(changed);
    expect(held()).toBe(changed);
    expect(taggedAnswers.get("/api/v1/stacks/s/scheduled-jobs?queue=qmerge&all=1")?.envelope).toBe(changed);
  });
});
