import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { post, put, startHarness, type Harness } from "./sim-harness";

let h: Harness;
let ids: string[];
beforeEach(async () => {
  h ??= await startHarness();
  await h.control("reset");
  ids = await h.listIds();
});
afterAll(() => h.sim.close());

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
const reserve = async (jobUuids: string[], extra: Record<string, unknown> = {}, stack = "stack-console") => {
  const response = await h.api(`/stacks/${stack}/scheduled-jobs/batch-reserve`, put({ job_uuids: jobUuids, ...extra }));
  return { status: response.status, body: (await response.json()) as { reserved: string[]; not_reserved: string[] } };
};
const states = async (jobUuids: string[]): Promise<Record<string, string>> => {
  const response = await h.api("/stacks/stack-console/jobs/get-states", post({ job_uuids: jobUuids }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { states: Record<string, string> }).states;
};
const advance = (ms: number) => h.control("clock", { advanceMs: ms });
const registerOther = () =>
  h.api("/stacks/register", post({ key: "other", type: "custom", queue_key: "_default", metadata: {} }));

describe("batch-reserve", () => {
  it("reserves scheduled jobs, refuses unknown ones, and hides reserved jobs from the list", async () => {
    const [a, b] = ids as [string, string];
    const { status, body } = await reserve([a, b, UNKNOWN]);
    expect(status).toBe(200);
    expect(body).toEqual({ reserved: [a, b], not_reserved: [UNKNOWN] });
    expect(await states([a, b])).toEqual({ [a]: "reserved", [b]: "reserved" });
    const after = await h.listIds();
    expect(after).not.toContain(a);
    expect(after).toHaveLength(ids.length - 2);
  });

  it("returns an expired reservation to the list, in its original place", async () => {
    const [a] = ids as [string];
    await reserve([a], { reservation_expiry_seconds: 60 });
    await advance(59_000);
    expect(await h.listIds()).not.toContain(a);
    await advance(1_000);
    expect(await h.listIds()).toEqual(ids);
    expect(await states([a])).toEqual({ [a]: "scheduled" });
  });

  it("defaults the reservation to 900 s", async () => {
    const [a] = ids as [string];
    await reserve([a]);
    await advance(899_000);
    expect((await states([a]))[a]).toBe("reserved");
    await advance(1_000);
    expect((await states([a]))[a]).toBe("scheduled");
  });

  it("extends when the same stack reserves again, refuses another stack", async () => {
    const [a] = ids as [string];
    await registerOther();
    await reserve([a], { reservation_expiry_seconds: 60 });
    await advance(50_000);
    expect((await reserve([a], { reservation_expiry_seconds: 60 })).body.reserved).toEqual([a]);
    expect((await reserve([a], {}, "other")).body).toEqual({ reserved: [], not_reserved: [a] });
    await advance(50_000);
    expect((await states([a]))[a]).toBe("reserved");
    await advance(10_000);
    expect((await states([a]))[a]).toBe("scheduled");
  });

  it("sets the expiry afresh on a re-reserve, so 1 s gives a held job back a second later", async () => {
    const [a] = ids as [string];
    await reserve([a], { reservation_expiry_seconds: 900 });
    expect((await reserve([a], { reservation_expiry_seconds: 1 })).body).toEqual({ reserved: [a], not_reserved: [] });
    expect((await states([a]))[a]).toBe("reserved");
    await advance(1_000);
    expect((await states([a]))[a]).toBe("scheduled");
    expect(await h.listIds()).toContain(a);
  });

  it("refuses finished jobs", async () => {
    const [a] = ids as [string];
    await h.api(`/stacks/stack-console/jobs/${a}/finish`, post({ detail: "no capacity" }));
    expect((await reserve([a])).body).toEqual({ reserved: [], not_reserved: [a] });
  });

  it.each([
    ["expiry 0", { job_uuids: ["x"], reservation_expiry_seconds: 0 }],
    ["expiry 3601", { job_uuids: ["x"], reservation_expiry_seconds: 3601 }],
    ["a fractional expiry", { job_uuids: ["x"], reservation_expiry_seconds: 1.5 }],
    ["1001 uuids", { job_uuids: Array.from({ length: 1001 }, () => UNKNOWN) }],
    ["missing job_uuids", {}],
  ])("answers %s with 422", async (_name, body) => {
    const response = await h.api("/stacks/stack-console/scheduled-jobs/batch-reserve", put(body));
    expect(response.status).toBe(422);
  });

  it("accepts 1000 uuids and the 3600 s maximum", async () => {
    const { status, body } = await reserve([...ids, ...Array.from({ length: 1000 - ids.length }, () => UNKNOWN)], {
      reservation_expiry_seconds: 3600,
    });
    expect(status).toBe(200);
    expect(body.reserved).toEqual(ids);
  });

  it("serves the older batch_reserve spelling", async () => {
    const [a] = ids as [string];
    const response = await h.api("/stacks/stack-console/scheduled_jobs/batch_reserve", put({ job_uuids: [a] }));
    expect(await response.json()).toEqual({ reserved: [a], not_reserved: [] });
  });

  it("answers POST on the reserve path with 405 and an unknown stack with 404", async () => {
    expect((await h.api("/stacks/stack-console/scheduled-jobs/batch-reserve", post({ job_uuids: [] }))).status).toBe(
      405,
    );
    expect((await h.api("/stacks/ghost/scheduled-jobs/batch-reserve", put({ job_uuids: [] }))).status).toBe(404);
  });
});

describe("get job", () => {
  it("returns env and command with realistic and secret-looking variables", async () => {
    const bodies = await Promise.all(
      ids.map(async (id) => {
        const response = await h.api(`/stacks/stack-console/jobs/${id}`);
        expect(response.status).toBe(200);
        return {
          size: Number(response.headers.get("content-length")),
          body: (await response.json()) as { id: string; env: Record<string, string>; command: string },
        };
      }),
    );
    const [first] = bodies;
    expect(first?.body.id).toBe(ids[0]);
    expect(first?.body.env.BUILDKITE_JOB_ID).toBe(ids[0]);
    expect(first?.body.env.BUILDKITE_BUILD_NUMBER).toMatch(/^\d+$/);
    expect(typeof first?.body.command).toBe("string");
    expect(bodies.some(({ body }) => body.env.DATABASE_PASSWORD !== undefined)).toBe(true);
    expect(bodies.some(({ size }) => size > 100_000)).toBe(true);
  });

  it("answers an unknown job with 404", async () => {
    const response = await h.api(`/stacks/stack-console/jobs/${UNKNOWN}`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: expect.stringMatching(/job/i) });
  });
});

describe("get-states", () => {
  it("omits unknown uuids and reports running and finished jobs", async () => {
    const [a] = ids as [string];
    expect(await states([a, UNKNOWN])).toEqual({ [a]: "scheduled" });
    const stats = (await (await h.control("stats", undefined, "GET")).json()) as { jobs: Record<string, number> };
    expect(stats.jobs.running).toBeGreaterThan(0);
    expect(stats.jobs.finished).toBeGreaterThan(0);
  });

  it("answers more than 1000 uuids with 422", async () => {
    const response = await h.api(
      "/stacks/stack-console/jobs/get-states",
      post({ job_uuids: Array.from({ length: 1001 }, () => UNKNOWN) }),
    );
    expect(response.status).toBe(422);
  });
});

describe("finish", () => {
  it("finishes a job at most once", async () => {
    const [a] = ids as [string];
    const first = await h.api(
      `/stacks/stack-console/jobs/${a}/finish`,
      post({ exit_status: 0, detail: "Handled without an agent" }),
    );
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({});
    expect(await states([a])).toEqual({ [a]: "finished" });
    expect(await h.listIds()).not.toContain(a);
    const second = await h.api(`/stacks/stack-console/jobs/${a}/finish`, post({ detail: "again" }));
    expect(second.status).toBe(422);
    expect(((await second.json()) as { message: string }).message).toMatch(/already finished/);
  });

  it("finishes a job reserved by this stack, exit status defaulting to -1", async () => {
    const [, b] = ids as [string, string];
    await reserve([b]);
    expect((await h.api(`/stacks/stack-console/jobs/${b}/finish`, post({ detail: "image pull failed" }))).status).toBe(
      200,
    );
    expect((await states([b]))[b]).toBe("finished");
  });

  it.each([
    ["a missing detail", {}],
    ["an empty detail", { detail: "" }],
    ["a detail of 4097 bytes", { detail: "x".repeat(4097) }],
    ["a detail of 4098 bytes in 2-byte characters", { detail: "é".repeat(2049) }],
    ["a non-integer exit status", { detail: "x", exit_status: 1.5 }],
  ])("answers %s with 422", async (_name, body) => {
    const response = await h.api(`/stacks/stack-console/jobs/${ids[0]}/finish`, post(body));
    expect(response.status).toBe(422);
    expect((await states([ids[0] ?? ""]))[ids[0] ?? ""]).toBe("scheduled");
  });

  it("accepts exactly 4096 bytes", async () => {
    const response = await h.api(`/stacks/stack-console/jobs/${ids[0]}/finish`, post({ detail: "é".repeat(2048) }));
    expect(response.status).toBe(200);
  });

  it("answers an unknown job or stack with 404", async () => {
    expect((await h.api(`/stacks/stack-console/jobs/${UNKNOWN}/finish`, post({ detail: "x" }))).status).toBe(404);
    expect((await h.api(`/stacks/ghost/jobs/${ids[0]}/finish`, post({ detail: "x" }))).status).toBe(404);
  });
});
