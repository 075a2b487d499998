import { describe, expect, test } from "vitest";
import { ConfigError, parseConfig } from "@/server/config";

describe("parseConfig", () => {
  test("no cluster token means demo mode with the default stack and queue", () => {
    const config = parseConfig({ STACK_KEY: "prod", QUEUE_KEY: "linux" });
    expect(config).toMatchObject({ mode: "demo", stackKey: "stack-console", queueKeys: ["_default"], pollIntervalMs: 2000 });
  });

  test("the durable store is embedded PGlite in .data unless DATABASE_URL names a PostgreSQL server", () => {
    expect(parseConfig({})).toMatchObject({ databaseUrl: undefined, dataDir: ".data" });
    expect(parseConfig({ DATABASE_URL: "", DATA_DIR: "/var/lib/console" })).toMatchObject({ databaseUrl: undefined, dataDir: "/var/lib/console" });
    expect(parseConfig({ DATABASE_URL: "postgres://console:pw@db:5432/console" }).databaseUrl).toBe("postgres://console:pw@db:5432/console");
  });

  test("a DATABASE_URL that is not a PostgreSQL URL stops start-up without echoing it", () => {
    const parse = () => parseConfig({ DATABASE_URL: "mysql://user:s3cret@db/console" });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/DATABASE_URL/);
    expect(parse).not.toThrow(/s3cret/);
  });

  test("an empty cluster token is no token", () => {
    expect(parseConfig({ BUILDKITE_CLUSTER_TOKEN: "" }).mode).toBe("demo");
  });

  test("a cluster token means live mode with the configured keys and URLs without trailing slashes", () => {
    const config = parseConfig({
      BUILDKITE_CLUSTER_TOKEN: "bkct_x",
      STACK_KEY: "console-readonly",
      QUEUE_KEY: "linux, macos",
      BUILDKITE_AGENT_API_URL: "https://agent.example.com/v3/",
    });
    expect(config).toMatchObject({
      mode: "live",
      stackKey: "console-readonly",
      queueKeys: ["linux", "macos"],
      agentApiUrl: "https://agent.example.com/v3",
      restApiUrl: "https://api.buildkite.com/v2",
    });
  });

  test.each([
    ["POLL_INTERVAL_MS", "500"],
    ["POLL_INTERVAL_MS", "soon"],
    ["STACK_KEY", "has spaces"],
    ["BUILDKITE_AGENT_API_URL", "ftp://agent.example.com"],
    ["QUEUE_KEY", " , "],
    ["LOG_LEVEL", "loud"],
  ])("a bad %s stops start-up with a message naming it", (variable, value) => {
    const attempt = () => parseConfig({ BUILDKITE_CLUSTER_TOKEN: "bkct_x", [variable]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  test("the error message never repeats a token value", () => {
    try {
      parseConfig({ BUILDKITE_CLUSTER_TOKEN: "bkct_secretvalue", POLL_INTERVAL_MS: "1" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("bkct_secretvalue");
    }
  });
});
