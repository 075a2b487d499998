import { expect, test } from "vitest";
import { eventFamily } from "@/server/webhooks/event-family";

test.each([
  ["ping", "ping"],
  ["job.scheduled", "job"],
  ["job.promised_exit_status", "job"],
  ["build.finished", "build"],
  ["agent.lost", "agent"],
  ["cluster_token.registration_blocked", "cluster_token"],
  ["job", "unknown"],
  ["jobs.scheduled", "unknown"],
  ["Ping", "unknown"],
  ["x".repeat(500), "unknown"],
  [null, "unknown"],
])("%s is in the family %s", (event, family) => {
  expect(eventFamily(event)).toBe(family);
});
