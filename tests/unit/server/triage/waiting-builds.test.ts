import { describe, expect, test } from "vitest";
import { buildsByLongestWait } from "@/server/triage/waiting-builds";
import { job, minutesAgo } from "./triage-input";

const build = (pipeline: string, number: number | null) => ({
  pipeline: { slug: pipeline, uuid: null },
  build: { uuid: null, number, branch: "main" },
});

describe("buildsByLongestWait", () => {
  test("lists each build once, the build of the longest-waiting job first", () => {
    const jobs = [
      job("a", { ...build("web", 7), waitedMinutes: 2 }),
      job("b", { ...build("api", 3), waitedMinutes: 5 }),
      job("c", { ...build("web", 7), waitedMinutes: 9 }),
      job("d", { ...build("docs", 1), waitedMinutes: 1 }),
    ];
    expect(buildsByLongestWait(jobs)).toEqual([
      { pipeline: "web", number: 7 },
      { pipeline: "api", number: 3 },
      { pipeline: "docs", number: 1 },
    ]);
  });

  test("counts a wait from when the job became runnable, and puts unreadable times last", () => {
    const jobs = [
      job("late-runnable", { ...build("web", 1), waitedMinutes: 30, runnableAt: minutesAgo(1) }),
      job("unreadable", { ...build("api", 2), scheduledAt: "not a time" }),
      job("plain", { ...build("docs", 3), waitedMinutes: 10 }),
    ];
    expect(buildsByLongestWait(jobs).map((b) => b.pipeline)).toEqual(["docs", "web", "api"]);
  });

  test("leaves out jobs whose build the REST API cannot be asked for", () => {
    const jobs = [
      job("no-number", build("web", null)),
      job("no-slug", { pipeline: { slug: null, uuid: null }, build: { uuid: null, number: 4, branch: null } }),
    ];
    expect(buildsByLongestWait(jobs)).toEqual([]);
  });
});
