import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { changeSetSchema, changesSinceSchema, streamHelloSchema } from "@/lib/schemas/change-sets";
import { identityHeaders, startConsole, type TestConsole } from "../../../support/console";
import { openEventStream, type OpenStream } from "../../../support/event-stream";
import { metricValue, parseMetrics } from "../../../support/metrics-text";
import { consoleMetrics } from "@/server/metrics/registry";

let c: TestConsole;
const open: OpenStream[] = [];
beforeAll(async () => {
  c = await startConsole({ env: { POLL_INTERVAL_MS: "1000" } });
});
afterEach(() => open.splice(0).forEach((stream) => stream.close()));
afterAll(() => c.close());

const eventsPath = () => `/api/v1/stacks/${c.sim.stackKey}/events`;
const LIST = "GET /v3/stacks/:key/scheduled-jobs";

async function stream(query = "", headers: Record<string, string> = {}) {
  const opened = await openEventStream(`${c.origin}${eventsPath()}${query}`, {
    ...identityHeaders("viewer"),
    ...headers,
  });
  open.push(opened);
  return opened;
}

const schedule = (count: number) => c.control<{ ids: string[] }>("jobs", { count });

describe("the event stream of a queue", () => {
  test("starts with the current version, then one change per change set, in order", async () => {
    await c.control("reset", {});
    const listed = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?all=1`);
    const listVersion = listed.body.summary.version as number;
    expect(listVersion).toBeGreaterThan(0);

    const s = await stream(`?since=${listVersion}`);
    expect(s.status).toBe(200);
    expect(s.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const hello = await s.next();
    expect(hello.event).toBe("hello");
    const helloData = streamHelloSchema.parse(JSON.parse(hello.data));
    expect(helloData).toMatchObject({ resumed: true, version: listVersion });

    const first = await schedule(2);
    const [change1] = await s.collect("change", 1);
    const set1 = changeSetSchema.parse(JSON.parse(change1!.data));
    expect(set1.previousVersion).toBe(listVersion);
    expect(set1.added.map((job) => job.id).sort()).toEqual([...first.ids].sort());
    expect(change1!.id).toBe(String(set1.version));

    const second = await schedule(1);
    const [change2] = await s.collect("change", 1);
    const set2 = changeSetSchema.parse(JSON.parse(change2!.data));
    expect(set2.previousVersion).toBe(set1.version);
    expect(set2.added.map((job) => job.id)).toEqual(second.ids);
    expect(set2.count).toBe(set1.count + 1);
  });

  test("a finished job leaves in the next change set", async () => {
    await c.control("reset", {});
    const s = await stream();
    const hello = streamHelloSchema.parse(JSON.parse((await s.next()).data));
    expect(hello.resumed).toBe(false);
    const listed = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?all=1`);
    const id = listed.body.data[0].id as string;
    await c.api(`/api/v1/stacks/${c.sim.stackKey}/jobs/${id}/finish`, {
      body: { exitStatus: 1, detail: "stuck" },
    });
    const sets = (await s.collect("change", 1)).map((e) => changeSetSchema.parse(JSON.parse(e.data)));
    expect(sets[0]!.removed).toContain(id);
    expect(sets[0]!.cause).toBe("action");
  });

  test("resumes from Last-Event-ID with exactly the change sets it missed", async () => {
    await c.control("reset", {});
    const s = await stream();
    const hello = streamHelloSchema.parse(JSON.parse((await s.next()).data));
    await schedule(1);
    const [seen] = await s.collect("change", 1);
    s.close();

    // Gone for a while: two more change sets happen without it.
    const a = await schedule(1);
    await waitForVersionAfter(Number(seen!.id));
    const b = await schedule(1);
    const missedUntil = await waitForAdded(b.ids[0]!);

    const resumed = await stream("", { "last-event-id": seen!.id! });
    const again = streamHelloSchema.parse(JSON.parse((await resumed.next()).data));
    expect(again.resumed).toBe(true);
    expect(again.version).toBeGreaterThan(hello.version);
    const replayed = (await resumed.collect("change", 2)).map((e) => changeSetSchema.parse(JSON.parse(e.data)));
    expect(replayed[0]!.previousVersion).toBe(Number(seen!.id));
    expect(replayed[0]!.added.map((job) => job.id)).toEqual(a.ids);
    expect(replayed[1]!.previousVersion).toBe(replayed[0]!.version);
    expect(replayed[1]!.version).toBe(missedUntil);
    expect(replayed[1]!.added.map((job) => job.id)).toEqual(b.ids);
  });

  test("a version it no longer keeps is not resumed: the browser is told to read the list", async () => {
    const s = await stream("?since=1");
    expect(streamHelloSchema.parse(JSON.parse((await s.next()).data)).resumed).toBe(false);
  });

  test("open streams are counted in the metrics, and a closed one no longer is", async () => {
    // The route handlers run in this process, so their metrics registry is this one.
    const open = async () =>
      metricValue(parseMetrics(await consoleMetrics().registry.metrics()), "stack_console_event_streams");
    const settled = async (count: number) => {
      for (let attempt = 0; attempt < 100 && (await open()) !== count; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return open();
    };
    // The streams earlier tests closed end on the server a moment after their viewers left.
    expect(await settled(0)).toBe(0);
    const [a, b] = [await stream(), await stream()];
    await Promise.all([a.next(), b.next()]);
    expect(await open()).toBe(2);
    a.close();
    await a.ended();
    expect(await settled(1)).toBe(1);
  });

  test("a stream's own timer keeps the queue read without counting its ticks as shared-read hits", async () => {
    const count = async (result: string) =>
      metricValue(parseMetrics(await consoleMetrics().registry.metrics()), "stack_console_shared_reads_total", {
        read: "queue_snapshot",
        result,
      });
    const s = await stream();
    await s.next();
    const [hits, misses] = [await count("hit"), await count("miss")];
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // Ticking four times an interval, the timer read the queue from Buildkite once or twice, and nothing else.
    expect(await count("hit")).toBe(hits);
    expect(await count("miss")).toBeGreaterThan(misses);
  });

  test("a viewer leaving ends its stream, and the reads made for it stop", async () => {
    // The 15 s heartbeat and the lifetime cap are covered by the unit test of the stream's response.
    const s = await stream();
    await s.next();
    s.close();
    await s.ended();
    const before = await c.upstreamCalls(LIST);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // No one streams the queue any more, so nobody reads it from Buildkite.
    expect(await c.upstreamCalls(LIST)).toBe(before);
  });

  test("one stream or many, Buildkite is read once per interval", async () => {
    await c.control("reset", {});
    const streams = await Promise.all(Array.from({ length: 20 }, () => stream()));
    await Promise.all(streams.map((s) => s.next()));
    const before = await c.upstreamCalls(LIST);
    await new Promise((resolve) => setTimeout(resolve, 3_200));
    const reads = (await c.upstreamCalls(LIST)) - before;
    // 1000 ms interval over 3.2 s: three or four reads, never one per stream.
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(reads).toBeLessThanOrEqual(4);
  });
});

describe("as JSON, for a caller that cannot hold a stream", () => {
  test("answers the change sets since a version, or null when they are gone", async () => {
    await c.control("reset", {});
    const listed = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?all=1`);
    const version = listed.body.summary.version as number;
    const added = await schedule(1);
    const upTo = await waitForAdded(added.ids[0]!);
    const { status, body } = await c.api(`${eventsPath()}?since=${version}`, { as: "viewer" });
    expect(status).toBe(200);
    const data = changesSinceSchema.parse(body.data);
    expect(data.version).toBe(upTo);
    expect(data.changes?.flatMap((change) => change.added.map((job) => job.id))).toEqual(added.ids);
    const gone = await c.api(`${eventsPath()}?since=5`, { as: "viewer" });
    expect(gone.body.data.changes).toBeNull();
  });

  test("a version that is not a number is a validation error naming the field", async () => {
    const { status, body } = await c.api(`${eventsPath()}?since=latest`, { as: "viewer" });
    expect(status).toBe(400);
    expect(body.error?.type).toBe("validation_error");
    expect(JSON.stringify(body.error?.details)).toContain("since");
  });
});

/** Reads the list until a change set after `version` is committed; answers the new version. */
async function waitForVersionAfter(version: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const { body } = await c.api(`${eventsPath()}?since=${version}`, { as: "viewer" });
    if ((body.data.version as number) > version) return body.data.version as number;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("no change was committed");
}

/** Polls the events as JSON until `jobId` has been added; answers the version that added it. */
async function waitForAdded(jobId: string): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const listed = await c.api(`/api/v1/stacks/${c.sim.stackKey}/scheduled-jobs?all=1`);
    if ((listed.body.data as { id: string }[]).some((job) => job.id === jobId))
      return listed.body.summary.version as number;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${jobId} never arrived`);
}
