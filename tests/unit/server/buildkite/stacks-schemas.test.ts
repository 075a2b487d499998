import { describe, expect, it } from "vitest";

import {
  stacksJobDetailSchema,
  stacksNotificationsResultSchema,
  stacksReserveResultSchema,
  stacksScheduledJobSchema,
  stacksScheduledJobsPageSchema,
  stacksRegistrationSchema,
} from "@/server/buildkite/stacks-schemas";
import type { ScheduledJob } from "@/lib/schemas/jobs";

const expected: ScheduledJob = {
  id: "0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11",
  priority: 0,
  agentQueryRules: ["queue=linux-large", "arch=arm64"],
  scheduledAt: "2026-11-20T09:14:03.512Z",
  runnableAt: null,
  pipeline: { slug: "web", uuid: "p-uuid" },
  build: { uuid: "b-uuid", number: 4812, branch: "main" },
  step: { key: "e2e" },
};

const common = {
  id: expected.id,
  priority: 0,
  agent_query_rules: ["queue=linux-large", "arch=arm64"],
  scheduled_at: "2026-11-20T09:14:03.512Z",
};

describe("scheduledJobSchema", () => {
  it("normalises the nested shape", () => {
    const wire = {
      ...common,
      pipeline: { slug: "web", uuid: "p-uuid" },
      build: { uuid: "b-uuid", number: 4812, branch: "main" },
      step: { key: "e2e" },
    };
    expect(stacksScheduledJobSchema.parse(wire)).toEqual(expected);
  });

  it("normalises the older flat shape into the same model", () => {
    const wire = {
      ...common,
      pipeline_slug: "web",
      pipeline_id: "p-uuid",
      build_number: 4812,
      build_branch: "main",
      build_id: "b-uuid",
      step_key: "e2e",
    };
    expect(stacksScheduledJobSchema.parse(wire)).toEqual(expected);
  });

  it("keeps nulls inside the nested objects and reads runnable_at when present", () => {
    const wire = {
      ...common,
      runnable_at: "2026-11-20T09:15:00.000Z",
      pipeline: { slug: null, uuid: null },
      build: { uuid: null, number: null, branch: null },
      step: { key: null },
    };
    expect(stacksScheduledJobSchema.parse(wire)).toEqual({
      ...expected,
      runnableAt: "2026-11-20T09:15:00.000Z",
      pipeline: { slug: null, uuid: null },
      build: { uuid: null, number: null, branch: null },
      step: { key: null },
    });
  });

  it("rejects a job without an id", () => {
    expect(stacksScheduledJobSchema.safeParse({ ...common, id: undefined }).success).toBe(false);
  });
});

describe("scheduledJobsPageSchema", () => {
  const page = (clusterQueue: Record<string, unknown>) => ({
    jobs: [],
    cluster_queue: { id: "q1", ...clusterQueue },
    page_info: { has_next_page: true, end_cursor: "c1" },
  });

  it("reads both paused spellings", () => {
    expect(stacksScheduledJobsPageSchema.parse(page({ dispatch_paused: true })).clusterQueue).toEqual({
      id: "q1",
      dispatchPaused: true,
    });
    expect(stacksScheduledJobsPageSchema.parse(page({ paused: true })).clusterQueue.dispatchPaused).toBe(true);
    expect(stacksScheduledJobsPageSchema.parse(page({ dispatch_paused: false })).clusterQueue.dispatchPaused).toBe(
      false,
    );
    expect(stacksScheduledJobsPageSchema.parse(page({})).clusterQueue.dispatchPaused).toBe(false);
  });

  it("accepts a null end cursor", () => {
    const parsed = stacksScheduledJobsPageSchema.parse({
      jobs: [{ ...common, pipeline_slug: "web" }],
      cluster_queue: { id: null, dispatch_paused: false },
      page_info: { has_next_page: false, end_cursor: null },
    });
    expect(parsed.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(parsed.jobs[0]?.pipeline.slug).toBe("web");
  });
});

describe("other Stacks schemas", () => {
  it("maps a registered stack", () => {
    const stack = stacksRegistrationSchema.parse({
      id: "s1",
      organization_uuid: "o1",
      cluster_queue_key: "_default",
      key: "console",
      type: "custom",
      metadata: { v: "1" },
      last_connected_on: null,
      state: "connected",
    });
    expect(stack).toEqual({
      id: "s1",
      key: "console",
      type: "custom",
      queueKey: "_default",
      metadata: { v: "1" },
      organizationUuid: "o1",
      lastConnectedOn: null,
      state: "connected",
    });
  });

  it("maps the seed page's sparse register answer", () => {
    expect(
      stacksRegistrationSchema.parse({ key: "k", type: "kubernetes", cluster_queue_key: "default", metadata: {} }),
    ).toMatchObject({
      id: null,
      queueKey: "default",
      state: null,
    });
  });

  it("maps reserve, job and notification answers", () => {
    expect(stacksReserveResultSchema.parse({ reserved: ["a"], not_reserved: ["b"] })).toEqual({
      reserved: ["a"],
      notReserved: ["b"],
    });
    expect(stacksJobDetailSchema.parse({ id: "j", env: { A: "1" }, command: "echo" })).toEqual({
      id: "j",
      env: { A: "1" },
      command: "echo",
    });
    expect(stacksNotificationsResultSchema.parse({ errors: [{ error: "too many", indexes: [0, 2] }] })).toEqual({
      errors: [{ error: "too many", indexes: [0, 2] }],
    });
    expect(stacksNotificationsResultSchema.parse({})).toEqual({ errors: [] });
  });
});
