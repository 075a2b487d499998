import { describe, expect, it } from "vitest";
import type { Job } from "@/server/simulator/model";
import { decodeCursor, encodeCursor, ScheduledIndex } from "@/server/simulator/scheduled-index";

const job = (uuid: string, scheduledAt: number, seq: number): Job => ({ uuid, scheduledAt, seq }) as Job;

describe("ScheduledIndex", () => {
  it("keeps jobs oldest first, breaking ties by creation order, wherever they are inserted", () => {
    const index = new ScheduledIndex();
    for (const entry of [job("c", 30, 2), job("a", 10, 5), job("b2", 20, 4), job("b1", 20, 3), job("d", 40, 0)])
      index.insert(entry);
    expect(index.page(null, 10).jobs.map((entry) => entry.uuid)).toEqual(["a", "b1", "b2", "c", "d"]);
  });

  it("removes exactly the given job", () => {
    const index = new ScheduledIndex();
    const jobs = [job("a", 10, 0), job("b", 10, 1), job("c", 10, 2)];
    for (const entry of jobs) index.insert(entry);
    index.remove(jobs[1] as Job);
    index.remove(job("missing", 10, 9));
    expect(index.page(null, 10).jobs.map((entry) => entry.uuid)).toEqual(["a", "c"]);
    expect(index.size).toBe(2);
  });

  it("pages after a cursor, even when the cursor's job has gone", () => {
    const index = new ScheduledIndex();
    const jobs = Array.from({ length: 7 }, (_, i) => job(`j${i}`, 100 + i, i));
    for (const entry of jobs) index.insert(entry);
    const first = index.page(null, 3);
    expect(first.hasNextPage).toBe(true);
    const last = first.jobs.at(-1) as Job;
    index.remove(last);
    const cursor = decodeCursor(encodeCursor(last));
    const second = index.page(cursor, 3);
    expect(second.jobs.map((entry) => entry.uuid)).toEqual(["j3", "j4", "j5"]);
    expect(second.hasNextPage).toBe(true);
    const third = index.page(decodeCursor(encodeCursor(second.jobs.at(-1) as Job)), 3);
    expect(third).toEqual({ jobs: [jobs[6]], hasNextPage: false });
  });

  it("rejects cursors it did not make", () => {
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from("v1:abc:1").toString("base64url"))).toBeNull();
    expect(decodeCursor(encodeCursor({ scheduledAt: 5, seq: 6 }))).toEqual({ scheduledAt: 5, seq: 6 });
  });
});
