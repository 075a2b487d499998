import { describe, expect, it } from "vitest";
import { FaultBook, faultSpecSchema } from "@/server/simulator/faults";

const arm = (book: FaultBook, spec: Record<string, unknown>) => book.arm(faultSpecSchema.parse(spec));
const refusal = (spec: Record<string, unknown>) => {
  const result = faultSpecSchema.safeParse(spec);
  return result.success ? null : result.error.issues.map((issue) => issue.path.join("."));
};

describe("webhook faults", () => {
  it("drop or delay the next deliveries of matching events, by count", () => {
    const book = new FaultBook();
    arm(book, { method: "webhook", path: "job.*", mode: "drop", count: 2 });
    arm(book, { method: "WEBHOOK", path: "build.finished", delayMs: 250 });
    expect(book.takeWebhook("build.running")).toBeUndefined();
    expect(book.takeWebhook("job.scheduled")).toEqual({ drop: true, delayMs: 0 });
    expect(book.takeWebhook("job.finished")).toEqual({ drop: true, delayMs: 0 });
    expect(book.takeWebhook("job.finished")).toBeUndefined();
    expect(book.takeWebhook("build.finished")).toEqual({ drop: false, delayMs: 250 });
    expect(book.list()).toEqual([]);
  });

  it("never touch HTTP requests, and HTTP faults never touch deliveries", () => {
    const book = new FaultBook();
    arm(book, { method: "WEBHOOK", path: "*", mode: "drop" });
    arm(book, { path: "*", status: 500 });
    expect(book.take("GET", "/v3/stacks/x/scheduled-jobs")?.status).toBe(500);
    expect(book.take("GET", "/v3/stacks/x/scheduled-jobs")).toBeUndefined();
    expect(book.takeWebhook("job.scheduled")).toEqual({ drop: true, delayMs: 0 });
  });

  it("refuse drop on an HTTP fault and responses on a webhook fault, naming the field", () => {
    expect(refusal({ path: "/v3/*", mode: "drop" })).toEqual(["mode"]);
    expect(refusal({ method: "GET", path: "/v3/*", mode: "drop" })).toEqual(["mode"]);
    expect(refusal({ method: "WEBHOOK", path: "job.*", status: 500 })).toEqual(["status"]);
    expect(refusal({ method: "WEBHOOK", path: "job.*", mode: "reset" })).toEqual(["mode"]);
    expect(refusal({ method: "WEBHOOK", path: "job.*", delayMs: 5, retryAfter: 1 })).toEqual(["retryAfter"]);
    expect(refusal({ method: "WEBHOOK", path: "job.*", delayMs: 5 })).toBeNull();
  });
});
