import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { restAgentSchema } from "@/server/buildkite/rest-agent-schemas";

// The docs' agent, varied the ways real agents differ: a queue tag, an idle agent, no web URL.

const FIXTURE = fileURLToPath(
  new URL("../../../fixtures/buildkite-payloads/rest.agents.list.docs.json", import.meta.url),
);
const [docsAgent] = JSON.parse(readFileSync(FIXTURE, "utf8")) as Record<string, unknown>[];
const agent = (overrides: Record<string, unknown>) => restAgentSchema.parse({ ...docsAgent, ...overrides });

describe("restAgentSchema", () => {
  it("takes the queue from the first queue= tag, and Buildkite's default without one or with an empty one", () => {
    expect(agent({ meta_data: ["os=linux", "queue=linux-large", "queue=other"] }).queue).toBe("linux-large");
    expect(agent({ meta_data: ["queue="] }).queue).toBe("default");
    expect(agent({ meta_data: null }).queue).toBe("default");
    expect(agent({ meta_data: null }).metaData).toEqual([]);
  });

  it("is idle without a job, and a lost agent keeps Buildkite's word for it", () => {
    expect(agent({ job: null })).toMatchObject({ busy: false, job: null });
    expect(agent({ connection_state: "lost" }).connectionState).toBe("lost");
  });

  it("has no cluster or build when the web URLs do not say", () => {
    const parsed = agent({ web_url: null, job: { id: "j1", state: "running", web_url: null } });
    expect(parsed.clusterId).toBeNull();
    expect(parsed.job).toMatchObject({ id: "j1", pipelineSlug: null, buildNumber: null });
  });

  it("refuses an agent without an id or a connection state", () => {
    expect(() => agent({ id: undefined })).toThrow();
    expect(() => agent({ connection_state: 3 })).toThrow();
  });
});
