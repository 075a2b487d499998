import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { JobMetadata } from "@/components/jobs/drawer/job-metadata";
import { contextFromRow } from "@/lib/job-context";
import type { ScheduledJob } from "@/lib/schemas/jobs";

const scheduled = (overrides: Partial<ScheduledJob> = {}): ScheduledJob => ({
  id: "0190f6a1-8c52-7a1e-9d4e-2f3b5c6d7e8f",
  priority: 0,
  agentQueryRules: ["queue=default"],
  scheduledAt: "2026-11-30T12:00:00Z",
  runnableAt: null,
  pipeline: { slug: "web-app", uuid: null },
  build: { uuid: null, number: 42, branch: "main" },
  step: { key: null },
  ...overrides,
});

describe("the stack page's job drawer", () => {
  it("links a scheduled job to its build's page", () => {
    render(<JobMetadata context={contextFromRow(scheduled(), null)} />);
    expect(screen.getByRole("link", { name: "Build #42" }).getAttribute("href")).toBe("/builds/web-app/42");
  });

  it("shows the number without a link when the pipeline is unknown", () => {
    render(<JobMetadata context={contextFromRow(scheduled({ pipeline: { slug: null, uuid: null } }), null)} />);
    expect(screen.queryByRole("link")).toBeNull();
    expect(screen.getByText("#42")).toBeTruthy();
  });
});
