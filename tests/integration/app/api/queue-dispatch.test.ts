import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

// Pausing and resuming dispatch through the console: the REST API's pause_dispatch and resume_dispatch,
// with the operator named in the note Buildkite shows everyone.

let c: TestConsole;
beforeAll(async () => {
  c = await startConsole();
});
beforeEach(() => c.control("reset", {}));
afterAll(() => c.close());

const base = () => `/api/v1/stacks/${c.sim.stackKey}/queue`;

describe("queue.pause and queue.resume", () => {
  test("pause names the operator in the note, the queue reads as paused at once, and resume clears it", async () => {
    const paused = await c.api(`${base()}/pause?queue=_default`, { body: { note: "db migration" } });
    expect(paused.status).toBe(200);
    expect(paused.body.command).toBe("queue.pause");
    expect(paused.body.data).toMatchObject({ dispatchPaused: true });
    expect(paused.body.data.note).toMatch(/^Paused by .+ via Stack Console: db migration$/);
    const read = await c.api(`${base()}?queue=_default`);
    expect(read.body.data.dispatchPaused).toBe(true);
    expect(read.body.data.pause.note).toBe(paused.body.data.note);

    const resumed = await c.api(`${base()}/resume?queue=_default`, { method: "POST" });
    expect(resumed.body.data.dispatchPaused).toBe(false);
    expect((await c.api(`${base()}?queue=_default`)).body.data.dispatchPaused).toBe(false);
  });

  test("a pause needs a reason, checked before anything is sent", async () => {
    const before = await c.upstreamCalls("POST /v2/organizations/:org/clusters/:cluster/queues/:id/pause_dispatch");
    const { status, body } = await c.api(`${base()}/pause`, { body: { note: "  " } });
    expect(status).toBe(400);
    expect(body.error?.details.field).toBe("body.note");
    expect(await c.upstreamCalls("POST /v2/organizations/:org/clusters/:cluster/queues/:id/pause_dispatch")).toBe(
      before,
    );
  });

  test("pausing a paused queue, or resuming a dispatching one, changes nothing and asks nothing of Buildkite", async () => {
    const resume = "POST /v2/organizations/:org/clusters/:cluster/queues/:id/resume_dispatch";
    const notPaused = await c.api(`${base()}/resume`, { method: "POST" });
    expect(notPaused.status).toBe(200);
    expect(notPaused.body.summary).toMatchObject({ changed: false, dispatchPaused: false });
    expect(await c.upstreamCalls(resume)).toBe(0);

    await c.api(`${base()}/pause`, { body: { note: "first" } });
    const pause = "POST /v2/organizations/:org/clusters/:cluster/queues/:id/pause_dispatch";
    const pauses = await c.upstreamCalls(pause);
    const again = await c.api(`${base()}/pause`, { body: { note: "second" } });
    expect(again.body.summary).toMatchObject({
      changed: false,
      dispatchPaused: true,
      warnings: [expect.stringMatching(/already paused/)],
    });
    expect(await c.upstreamCalls(pause)).toBe(pauses);
    expect((await c.api(`${base()}?queue=_default`)).body.data.pause.note).toMatch(/: first$/);
  });

  test("when someone else resumed the queue a moment ago, resume changes nothing instead of failing", async () => {
    await c.control("queue", { paused: true, note: "incident", by: "Ada" });
    // The console reads the queue as paused, then Ada resumes it in Buildkite before our resume arrives.
    expect((await c.api(`${base()}?queue=_default`)).body.data.dispatchPaused).toBe(true);
    await c.control("queue", { paused: false });
    const resume = "POST /v2/organizations/:org/clusters/:cluster/queues/:id/resume_dispatch";

    const resumed = await c.api(`${base()}/resume?queue=_default`, { method: "POST" });
    expect(resumed.status).toBe(200);
    expect(resumed.body.summary).toMatchObject({
      changed: false,
      dispatchPaused: false,
      warnings: [expect.stringMatching(/was not paused/)],
    });
    // Buildkite was asked and refused; the console read the queue again instead of reporting that refusal.
    expect(await c.upstreamCalls(resume)).toBe(1);
  });
});
