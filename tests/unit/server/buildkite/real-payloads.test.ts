import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stacksScheduledJobsPageSchema } from "@/server/buildkite/stacks-schemas";
import type { PayloadContract } from "./payload-contracts/contract";
import { restBuildContracts } from "./payload-contracts/rest-builds";
import { restResourceContracts } from "./payload-contracts/rest-resources";
import { stacksContracts } from "./payload-contracts/stacks";

// Every response body Buildkite documents or was captured sending (tests/fixtures/buildkite-payloads,
// SOURCES.md says where each comes from), parsed with the schema the console uses for that endpoint.

const FIXTURES = fileURLToPath(new URL("../../../fixtures/buildkite-payloads/", import.meta.url));
const readFixture = (file: string): unknown => JSON.parse(readFileSync(FIXTURES + file, "utf8"));

const contracts: Record<string, PayloadContract> = {
  ...restBuildContracts,
  ...restResourceContracts,
  ...stacksContracts,
};

describe("Buildkite's real payloads", () => {
  it("has a contract for every fixture, and a fixture for every contract", () => {
    const files = readdirSync(FIXTURES).filter((file) => file.endsWith(".json"));
    expect(Object.keys(contracts).sort()).toEqual(files.sort());
  });

  it("says where every fixture comes from", () => {
    const sources = readFileSync(`${FIXTURES}SOURCES.md`, "utf8");
    expect(Object.keys(contracts).filter((file) => !sources.includes(`| ${file} |`))).toEqual([]);
  });

  it.each(Object.entries(contracts).map(([file, c]) => [file, c.schema, c] as const))(
    "%s parses with %s",
    (file, _schema, c) => {
      c.check(readFixture(file));
    },
  );

  it("reads the Go client's `paused` as the pause state, like the docs' `dispatch_paused`", () => {
    const withQueue = (file: string, field: string) => {
      const body = readFixture(file) as { cluster_queue: Record<string, unknown> };
      return stacksScheduledJobsPageSchema.parse({ ...body, cluster_queue: { ...body.cluster_queue, [field]: true } })
        .clusterQueue.dispatchPaused;
    };
    expect(withQueue("stacks.scheduled-jobs.list.go-client-encoding.json", "paused")).toBe(true);
    expect(withQueue("stacks.scheduled-jobs.list.docs.json", "dispatch_paused")).toBe(true);
  });
});
