import { describe, expect, it } from "vitest";

import { accessTokenSchema } from "@/server/buildkite/rest-build-schemas";
import { clusterListSchema, clusterQueueSchema } from "@/server/buildkite/rest-schemas";

const pausedQueue = {
  id: "01890c2c-2b9e-4f6a-8c3d-4a5b6c7d8e9f",
  graphql_id: "Q2x1c3RlclF1ZXVlLS0t",
  key: "_default",
  description: "General Linux agents",
  url: "https://api.buildkite.com/v2/organizations/acme/clusters/c/queues/q",
  dispatch_paused: true,
  dispatch_paused_by: { id: "u1", name: "Ada Lovelace", email: "ada@acme.example", avatar_url: "https://x" },
  dispatch_paused_at: "2026-11-20 09:14:03 UTC",
  dispatch_paused_note: "db migration",
  created_at: "2026-08-01T00:00:00.000Z",
};

describe("clusterQueueSchema", () => {
  it("reads who paused dispatch, when (either date form) and why", () => {
    expect(clusterQueueSchema.parse(pausedQueue)).toEqual({
      id: pausedQueue.id,
      key: "_default",
      description: "General Linux agents",
      dispatchPaused: true,
      dispatchPausedBy: { name: "Ada Lovelace", email: "ada@acme.example" },
      dispatchPausedAt: "2026-11-20T09:14:03.000Z",
      dispatchPausedNote: "db migration",
      createdAt: "2026-08-01T00:00:00.000Z",
    });
  });

  it("reads a dispatching queue whose pause fields are null or absent", () => {
    const parsed = clusterQueueSchema.parse({
      id: "q",
      key: "macos",
      dispatch_paused: false,
      dispatch_paused_by: null,
      dispatch_paused_at: null,
    });
    expect(parsed).toMatchObject({
      dispatchPaused: false,
      dispatchPausedBy: null,
      dispatchPausedAt: null,
      dispatchPausedNote: null,
      description: null,
    });
  });

  it("reads a pauser Buildkite does not name, keeping what it does say", () => {
    const parsed = clusterQueueSchema.parse({
      ...pausedQueue,
      dispatch_paused_by: { id: "u1", email: "ada@acme.example" },
    });
    expect(parsed.dispatchPausedBy).toEqual({ name: null, email: "ada@acme.example" });
    expect(
      clusterQueueSchema.parse({ ...pausedQueue, dispatch_paused_by: { id: "u1", graphql_id: "VXNlci0tLXUx" } })
        .dispatchPausedBy,
    ).toEqual({ name: null, email: null });
  });

  it("rejects a queue without an id or with an unreadable date", () => {
    expect(clusterQueueSchema.safeParse({ key: "_default" }).success).toBe(false);
    expect(clusterQueueSchema.safeParse({ ...pausedQueue, dispatch_paused_at: "last Tuesday" }).success).toBe(false);
  });
});

describe("clusterListSchema", () => {
  it("reads clusters with their default queue", () => {
    const parsed = clusterListSchema.parse([
      {
        id: "c1",
        name: "Default cluster",
        description: null,
        default_queue_id: "q1",
        created_at: "2026-08-01 00:00:00 UTC",
        emoji: ":x:",
      },
    ]);
    expect(parsed).toEqual([
      {
        id: "c1",
        name: "Default cluster",
        description: null,
        defaultQueueId: "q1",
        createdAt: "2026-08-01T00:00:00.000Z",
      },
    ]);
  });
});

describe("accessTokenSchema", () => {
  it("reads a token whose user has no name", () => {
    const parsed = accessTokenSchema.parse({
      uuid: "t1",
      scopes: ["read_builds"],
      user: { email: "ci-bot@acme.example" },
    });
    expect(parsed.user).toEqual({ name: null, email: "ci-bot@acme.example" });
  });
});
