import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startConsole, type TestConsole } from "../../../support/console";

// The console states one notification limit: Buildkite's 256 characters less the operator's name it
// appends. The drawer reads that room from jobs.history; jobs.notify must refuse in the same words at any
// length, and count characters as Buildkite does (code points, so an emoji is one).

let c: TestConsole;
let stack: string;

beforeAll(async () => {
  c = await startConsole();
  stack = c.sim.stackKey;
});
afterAll(() => c.close());

async function scheduledJob(): Promise<string> {
  const { body } = await c.api(`/api/v1/stacks/${stack}/scheduled-jobs?limit=1`);
  const [job] = body.data as { id: string }[];
  if (!job) throw new Error("the simulator listed no job");
  return job.id;
}

const notify = (jobId: string, detail: string) =>
  c.api(`/api/v1/stacks/${stack}/notifications`, { body: { notifications: [{ jobId, detail }] } });

describe("the notification limit", () => {
  test("is the operator's room, in the same words for any over-long text, counted in code points", async () => {
    const jobId = await scheduledJob();
    const history = await c.api(`/api/v1/stacks/${stack}/jobs/${jobId}/history`);
    const room = history.body.data.notificationMaxChars as number;
    // " — Test admin <admin@example.test>" is 34 characters.
    expect(room).toBe(256 - 34);

    for (const length of [room + 1, 256, 257, 400]) {
      const refused = await notify(jobId, "x".repeat(length));
      expect(refused.status).toBe(400);
      expect(refused.body.error?.type).toBe("validation_error");
      expect(refused.body.error?.message).toBe(
        `body.notifications[0].detail: must be at most ${room} characters so your name fits`,
      );
    }

    // Each rocket is two UTF-16 units; Buildkite counts it once, and so does the console.
    const sent = await notify(jobId, "🚀".repeat(room));
    expect(sent.body.error).toBeNull();
    expect(sent.body.data).toMatchObject({ sent: 1, failed: 0 });
  });
});
