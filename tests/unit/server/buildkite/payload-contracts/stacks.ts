import { expect } from "vitest";
import {
  stacksJobDetailSchema,
  stacksJobStatesSchema,
  stacksNotificationsResultSchema,
  stacksReserveResultSchema,
  stacksScheduledJobsPageSchema,
  stacksRegistrationSchema,
} from "@/server/buildkite/stacks-schemas";
import { contract, type PayloadContract } from "./contract";

// The Stacks API's documented bodies, and the one the official Go client's test server sends.

export const stacksContracts: Record<string, PayloadContract> = {
  "stacks.register.docs.json": contract("stackSchema", stacksRegistrationSchema, (stack) => {
    expect(stack).toEqual({
      id: "a1b2c3d4-e5f6-7890-abcd-ef1234567890",
      key: "my-kubernetes-stack",
      type: "kubernetes",
      queueKey: "default",
      metadata: { version: "1.0.0", region: "us-east-1" },
      organizationUuid: "12345678-abcd-ef01-2345-6789abcdef01",
      lastConnectedOn: "2025-10-01T12:00:00.000Z",
      state: "connected",
    });
  }),

  "stacks.scheduled-jobs.list.docs.json": contract("scheduledJobsPageSchema", stacksScheduledJobsPageSchema, (page) => {
    expect(page.clusterQueue).toEqual({ id: "queue-id", dispatchPaused: false });
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: "base64-encoded-string-or-null" });
    expect(page.jobs).toEqual([
      {
        id: "01234567-89ab-cdef-0123-456789abcdef",
        priority: 1,
        agentQueryRules: ["test=a"],
        scheduledAt: "2023-10-01T12:00:00.000Z",
        runnableAt: null,
        pipeline: { slug: "my-pipeline", uuid: "pipeline-uuid" },
        build: { uuid: "build-uuid", number: 123, branch: "main" },
        step: { key: "test" },
      },
    ]);
  }),

  // Go encodes an absent value as its zero value: null rules, "" strings, build 0, an empty cursor.
  "stacks.scheduled-jobs.list.go-client-encoding.json": contract(
    "scheduledJobsPageSchema",
    stacksScheduledJobsPageSchema,
    (page) => {
      expect(page.clusterQueue).toEqual({ id: "queue-456", dispatchPaused: false });
      expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
      expect(page.jobs.map((job) => job.id)).toEqual(["job-1", "job-2"]);
      for (const job of page.jobs) {
        expect(job.agentQueryRules).toEqual([]);
        expect(job.pipeline).toEqual({ slug: null, uuid: null });
        expect(job.build).toEqual({ uuid: null, number: null, branch: null });
        expect(job.step).toEqual({ key: null });
      }
    },
  ),

  "stacks.jobs.get.docs.json": contract("jobDetailSchema", stacksJobDetailSchema, (job) => {
    expect(job).toEqual({
      id: "01234567-89ab-cdef-0123-456789abcdef",
      env: { BUILDKITE_JOB_ID: "01234567-89ab-cdef-0123-456789abcdef", BUILDKITE_BUILD_NUMBER: "123" },
      command: "echo Hello 👋",
    });
  }),

  "stacks.scheduled-jobs.batch-reserve.docs.json": contract(
    "reserveResultSchema",
    stacksReserveResultSchema,
    (result) => {
      expect(result).toEqual({
        reserved: ["01234567-89ab-cdef-0123-456789abcdef", "fedcba98-7654-3210-fedc-ba9876543210"],
        notReserved: [],
      });
    },
  ),

  "stacks.jobs.get-states.docs.json": contract("jobStatesSchema", stacksJobStatesSchema, (result) => {
    expect(result.states).toEqual({
      "01234567-89ab-cdef-0123-456789abcdef": "scheduled",
      "fedcba98-7654-3210-fedc-ba9876543210": "running",
    });
  }),

  "stacks.notifications.docs.json": contract("notificationsResultSchema", stacksNotificationsResultSchema, (result) => {
    expect(result.errors).toEqual([
      { error: "detail is required", indexes: [2] },
      { error: "job stack notification count exceeded", indexes: [5] },
    ]);
  }),
};
