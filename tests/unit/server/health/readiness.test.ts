import { describe, expect, test } from "vitest";
import { assessReadiness, type ReadinessParts } from "@/server/health/readiness";
import type { ReadinessCheck } from "@/server/health/readiness-checks";

// What /api/ready says: one word per part, ready only when none fails, and no error text ever.

const parts = (overrides: Partial<ReadinessParts> = {}): ReadinessParts => ({
  store: async () => "ok",
  buildkite: async () => "ok",
  extra: new Map(),
  ...overrides,
});

describe("assessReadiness", () => {
  test("all well is ready, with Redis not configured until something registers it", async () => {
    expect(await assessReadiness(parts())).toEqual({
      status: "ready",
      checks: { store: "ok", buildkite: "ok", redis: "not configured" },
    });
  });

  test("each failing part makes it not ready, and is named", async () => {
    expect(await assessReadiness(parts({ store: async () => "unreachable" }))).toEqual({
      status: "not ready",
      checks: { store: "unreachable", buildkite: "ok", redis: "not configured" },
    });
    expect((await assessReadiness(parts({ buildkite: async () => "rejected" }))).status).toBe("not ready");
  });

  test("a Buildkite nobody could check yet does not fail readiness", async () => {
    expect((await assessReadiness(parts({ buildkite: async () => "unchecked" }))).status).toBe("ready");
  });

  test("a registered Redis check is run under its name", async () => {
    const extra = new Map<string, ReadinessCheck>([["redis", async () => "unreachable"]]);
    expect(await assessReadiness(parts({ extra }))).toEqual({
      status: "not ready",
      checks: { store: "ok", buildkite: "ok", redis: "unreachable" },
    });
    extra.set("redis", async () => "ok");
    expect((await assessReadiness(parts({ extra }))).status).toBe("ready");
  });

  test("a throw or an answer that is not a plain word never reaches the body", async () => {
    const extra = new Map<string, ReadinessCheck>([
      ["redis", async () => "connect ECONNREFUSED 10.0.0.7:6379"],
      ["queue", () => Promise.reject(new Error("redis://user:secret@10.0.0.7"))],
    ]);
    const answer = await assessReadiness(parts({ extra, store: () => Promise.reject(new Error("postgres://x")) }));
    expect(answer.checks).toEqual({
      store: "unreachable",
      buildkite: "ok",
      redis: "unreachable",
      queue: "unreachable",
    });
  });
});
