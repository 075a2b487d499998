import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { post, startHarness, type Harness } from "./sim-harness";

let h: Harness;
let ids: string[];
beforeEach(async () => {
  h ??= await startHarness();
  await h.control("reset");
  ids = await h.listIds();
});
afterAll(() => h.sim.close());

const UNKNOWN = "00000000-0000-4000-8000-000000000000";
type Item = { job_uuid: string; detail: string; timestamp?: string };
const notify = async (notifications: Item[]) => {
  const response = await h.api("/stacks/stack-console/notifications", post({ notifications }));
  return {
    status: response.status,
    body: (await response.json()) as { errors: { error: string; indexes: number[] }[] },
  };
};
const legacy = (jobUuid: string, detail: string) =>
  h.api(`/stacks/stack-console/jobs/${jobUuid}/stack_notifications`, post({ detail }));

describe("notifications", () => {
  it("stores valid ones and groups failures by message with their indexes", async () => {
    const [a, b] = ids as [string, string];
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const { status, body } = await notify([
      { job_uuid: a, detail: "Waiting for a node" },
      { job_uuid: UNKNOWN, detail: "x" },
      { job_uuid: b, detail: "Pulling image", timestamp: new Date().toISOString() },
      { job_uuid: UNKNOWN, detail: "y" },
      { job_uuid: a, detail: "" },
      { job_uuid: a, detail: "x".repeat(257) },
      { job_uuid: a, detail: "from the future", timestamp: future },
      { job_uuid: a, detail: "before creation", timestamp: "2000-01-01T00:00:00Z" },
      { job_uuid: a, detail: "not a time", timestamp: "yesterday" },
      { job_uuid: a, detail: "é".repeat(256) },
    ]);
    expect(status).toBe(200);
    expect(body.errors).toEqual([
      { error: "Job not found", indexes: [1, 3] },
      { error: "detail must be 1 to 256 characters", indexes: [4, 5] },
      { error: "timestamp must not be in the future", indexes: [6] },
      { error: "timestamp must not be before the job was created", indexes: [7] },
      { error: "timestamp must be an ISO 8601 time", indexes: [8] },
    ]);
  });

  it("returns an empty error list when all succeed", async () => {
    expect((await notify([{ job_uuid: ids[0] ?? "", detail: "ok" }])).body).toEqual({ errors: [] });
  });

  it("caps each job at 100 notifications", async () => {
    const [a, b] = ids as [string, string];
    const batch = Array.from({ length: 99 }, (_, i) => ({ job_uuid: a, detail: `step ${i}` }));
    expect((await notify(batch)).body.errors).toEqual([]);
    const { body } = await notify([
      { job_uuid: a, detail: "100th" },
      { job_uuid: a, detail: "101st" },
      { job_uuid: b, detail: "other job still fine" },
      { job_uuid: a, detail: "102nd" },
    ]);
    expect(body.errors).toEqual([{ error: expect.stringMatching(/maximum of 100/), indexes: [1, 3] }]);
  });

  it("refuses notifications for jobs finished more than 300 s ago", async () => {
    const [a] = ids as [string];
    await h.api(`/stacks/stack-console/jobs/${a}/finish`, post({ detail: "gave up" }));
    expect((await notify([{ job_uuid: a, detail: "just after" }])).body.errors).toEqual([]);
    await h.control("clock", { advanceMs: 301_000 });
    expect((await notify([{ job_uuid: a, detail: "too late" }])).body.errors).toEqual([
      { error: "Job finished more than 300 seconds ago", indexes: [0] },
    ]);
  });

  it.each([
    ["1001 notifications", { notifications: Array.from({ length: 1001 }, () => ({ job_uuid: UNKNOWN, detail: "x" })) }],
    ["a missing list", {}],
    ["an item without job_uuid", { notifications: [{ detail: "x" }] }],
  ])("answers %s with 422", async (_name, body) => {
    const response = await h.api("/stacks/stack-console/notifications", post(body));
    expect(response.status).toBe(422);
  });

  it("answers an unknown stack with 404", async () => {
    expect((await h.api("/stacks/ghost/notifications", post({ notifications: [] }))).status).toBe(404);
  });
});

describe("older stack_notifications spelling", () => {
  it("stores up to 50 per job, then answers 422", async () => {
    const [a] = ids as [string];
    for (let i = 0; i < 50; i++) expect((await legacy(a, `note ${i}`)).status).toBe(200);
    const refused = await legacy(a, "51st");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { message: string }).message).toMatch(/maximum of 50/);
  });

  it("shares the per-job count with the current endpoint", async () => {
    const [a] = ids as [string];
    await notify(Array.from({ length: 50 }, () => ({ job_uuid: a, detail: "bulk" })));
    expect((await legacy(a, "one more")).status).toBe(422);
  });

  it("validates detail length (255) and the job", async () => {
    const [a] = ids as [string];
    expect((await legacy(a, "x".repeat(255))).status).toBe(200);
    expect((await legacy(a, "x".repeat(256))).status).toBe(422);
    expect((await legacy(a, "")).status).toBe(422);
    expect((await legacy(UNKNOWN, "x")).status).toBe(404);
  });
});
