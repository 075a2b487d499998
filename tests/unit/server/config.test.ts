import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { queueKeyInput, stackKeyInput } from "@/lib/inputs/stacks";
import { ConfigError, parseConfig } from "@/server/config";

const live = { BUILDKITE_CLUSTER_TOKEN: "bkct_x", AUTH_MODE: "proxy", AUTH_PROXY_SECRET: "a-long-enough-proxy-secret" };
const accepts = (env: Record<string, string>) => {
  try {
    parseConfig({ ...live, ...env });
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return false;
  }
};

describe("parseConfig", () => {
  test("no cluster token means demo mode with the default stack and queue", () => {
    const config = parseConfig({ STACK_KEY: "prod", QUEUE_KEY: "linux" });
    expect(config).toMatchObject({
      mode: "demo",
      stackKey: "stack-console",
      queueKeys: ["_default"],
      pollIntervalMs: 2000,
    });
  });

  test("the durable store is embedded PGlite in .data unless DATABASE_URL names a PostgreSQL server", () => {
    expect(parseConfig({})).toMatchObject({ databaseUrl: undefined, dataDir: ".data" });
    expect(parseConfig({ DATABASE_URL: "", DATA_DIR: "/var/lib/console" })).toMatchObject({
      databaseUrl: undefined,
      dataDir: "/var/lib/console",
    });
    expect(parseConfig({ DATABASE_URL: "postgres://console:pw@db:5432/console" }).databaseUrl).toBe(
      "postgres://console:pw@db:5432/console",
    );
  });

  test("a DATABASE_URL that is not a PostgreSQL URL stops start-up without echoing it", () => {
    const parse = () => parseConfig({ DATABASE_URL: "mysql://user:s3cret@db/console" });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/DATABASE_URL/);
    expect(parse).not.toThrow(/s3cret/);
  });

  test("REDIS_URL turns on shared state under REDIS_KEY_PREFIX; unset or blank, instances share nothing", () => {
    expect(parseConfig({}).redis).toBeNull();
    expect(parseConfig({ REDIS_URL: " " }).redis).toBeNull();
    expect(parseConfig({ REDIS_URL: "redis://:pw@cache:6379/0" }).redis).toEqual({
      url: "redis://:pw@cache:6379/0",
      keyPrefix: "stack-console:",
    });
    expect(parseConfig({ REDIS_URL: "rediss://cache:6380", REDIS_KEY_PREFIX: "console-eu:" }).redis).toEqual({
      url: "rediss://cache:6380",
      keyPrefix: "console-eu:",
    });
  });

  test("a REDIS_URL that is not a Redis URL stops start-up without echoing it, and so does a bad prefix", () => {
    const parse = () => parseConfig({ REDIS_URL: "http://user:s3cret@cache:6379" });
    expect(parse).toThrow(/REDIS_URL/);
    expect(parse).not.toThrow(/s3cret/);
    expect(() => parseConfig({ REDIS_URL: "redis://cache", REDIS_KEY_PREFIX: "a b" })).toThrow(/REDIS_KEY_PREFIX/);
  });

  test("METRICS_TOKEN: unset or blank serves no metrics; a short one stops start-up without echoing it", () => {
    expect(parseConfig({}).metricsToken).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: "  " }).metricsToken).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: "scrape-token-0123456789" }).metricsToken).toBe("scrape-token-0123456789");
    const parse = () => parseConfig({ METRICS_TOKEN: "tiny-s3cret" });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/^Invalid configuration: METRICS_TOKEN .*at least 16 characters/);
    expect(parse).not.toThrow(/tiny-s3cret/);
  });

  test("BUILDKITE_WEBHOOK_TOKEN: unset or blank receives no webhooks; set, it is kept as given", () => {
    expect(parseConfig({}).webhookToken).toBeUndefined();
    expect(parseConfig({ BUILDKITE_WEBHOOK_TOKEN: " " }).webhookToken).toBeUndefined();
    expect(parseConfig({ BUILDKITE_WEBHOOK_TOKEN: "29b1ff5779c76bd48ba6705eb99ff970" }).webhookToken).toBe(
      "29b1ff5779c76bd48ba6705eb99ff970",
    );
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
      AUTH_MODE: "proxy",
      AUTH_PROXY_SECRET: "a-long-enough-proxy-secret",
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

  test("a queue key such as gpu.large is watched, and is one a request may name", () => {
    expect(parseConfig({ ...live, QUEUE_KEY: "gpu.large,_default" }).queueKeys).toEqual(["gpu.large", "_default"]);
    expect(queueKeyInput.safeParse("gpu.large").success).toBe(true);
  });

  test("start-up accepts exactly the stack and queue keys the API accepts in a request", () => {
    const keyText = fc.string({ unit: fc.constantFrom(..."aZ09_-.:/ é+,".split("")), minLength: 1, maxLength: 110 });
    fc.assert(
      fc.property(keyText, (key) => {
        fc.pre(!key.includes(",") && key.trim() === key);
        expect(accepts({ QUEUE_KEY: key }), `QUEUE_KEY=${key}`).toBe(queueKeyInput.safeParse(key).success);
        expect(accepts({ STACK_KEY: key }), `STACK_KEY=${key}`).toBe(stackKeyInput.safeParse(key).success);
      }),
      { numRuns: 500 },
    );
  });

  test("every queue of the cluster is watched unless QUEUE_KEY names some, and always in demo mode", () => {
    expect(parseConfig({ ...live })).toMatchObject({ queueKeys: ["_default"], discoverQueues: true });
    expect(parseConfig({ ...live, QUEUE_KEY: "  " })).toMatchObject({ queueKeys: ["_default"], discoverQueues: true });
    expect(parseConfig({ ...live, QUEUE_KEY: "linux,macos" })).toMatchObject({
      queueKeys: ["linux", "macos"],
      discoverQueues: false,
    });
    expect(parseConfig({ QUEUE_KEY: "linux" })).toMatchObject({ queueKeys: ["_default"], discoverQueues: true });
  });

  test("the health thresholds have defaults and are read from the environment", () => {
    expect(parseConfig({ ...live }).thresholds).toEqual({
      backlog: { warning: 50, critical: 200 },
      waitSeconds: { warning: 300, critical: 900 },
      longWaits: { warning: 1, critical: 20 },
    });
    const thresholds = parseConfig({
      ...live,
      BACKLOG_WARNING: "10",
      BACKLOG_CRITICAL: "10",
      WAIT_WARNING_SECONDS: "60",
      WAIT_CRITICAL_SECONDS: "120",
      LONG_WAITS_WARNING: "5",
      LONG_WAITS_CRITICAL: "50",
    }).thresholds;
    expect(thresholds).toEqual({
      backlog: { warning: 10, critical: 10 },
      waitSeconds: { warning: 60, critical: 120 },
      longWaits: { warning: 5, critical: 50 },
    });
  });

  test("the triage wait SLO defaults to 300 seconds and must be at least one", () => {
    expect(parseConfig({ ...live }).waitSloSeconds).toBe(300);
    expect(parseConfig({ ...live, WAIT_SLO_SECONDS: "600" }).waitSloSeconds).toBe(600);
    expect(() => parseConfig({ ...live, WAIT_SLO_SECONDS: "0" })).toThrow("Invalid configuration: WAIT_SLO_SECONDS ");
  });

  test.each([
    ["BACKLOG_WARNING", { BACKLOG_WARNING: "300" }, "BACKLOG_CRITICAL (300 > 200)"],
    ["WAIT_WARNING_SECONDS", { WAIT_CRITICAL_SECONDS: "120" }, "WAIT_CRITICAL_SECONDS (300 > 120)"],
    ["LONG_WAITS_WARNING", { LONG_WAITS_WARNING: "21" }, "LONG_WAITS_CRITICAL (21 > 20)"],
  ])("a warning threshold above its critical one stops start-up naming %s", (variable, env, detail) => {
    const attempt = () => parseConfig({ ...live, ...env });
    expect(attempt).toThrow(new RegExp(`^Invalid configuration: ${variable} is not valid: must not be above`));
    expect(attempt).toThrow(detail);
  });

  test.each(["BACKLOG_CRITICAL", "WAIT_WARNING_SECONDS", "LONG_WAITS_CRITICAL"])(
    "a threshold that is not a whole number stops start-up naming %s",
    (variable) => {
      expect(() => parseConfig({ ...live, [variable]: "lots" })).toThrow(`Invalid configuration: ${variable} `);
      expect(() => parseConfig({ ...live, [variable]: "-1" })).toThrow(`Invalid configuration: ${variable} `);
    },
  );

  describe("sign-in fails closed", () => {
    const live = { BUILDKITE_CLUSTER_TOKEN: "bkct_x" };
    const oidc = {
      ...live,
      AUTH_MODE: "oidc",
      SESSION_SECRET: "s".repeat(32),
      OIDC_ISSUER: "https://id.example.com",
      OIDC_CLIENT_ID: "console",
    };

    test("demo mode signs in as the local demo operator without configuration", () => {
      expect(parseConfig({}).auth).toEqual({ mode: "demo" });
    });

    test("a live console without AUTH_MODE refuses to start with one message naming it", () => {
      expect(() => parseConfig(live)).toThrow(
        /^Invalid configuration: AUTH_MODE is required when Buildkite tokens are set/,
      );
    });

    test("the demo operator is refused when Buildkite tokens are set", () => {
      expect(() => parseConfig({ ...live, AUTH_MODE: "demo" })).toThrow(
        /^Invalid configuration: AUTH_MODE cannot be demo/,
      );
    });

    test.each([
      [{ ...live, AUTH_MODE: "proxy" }, "AUTH_PROXY_SECRET"],
      [{ ...live, AUTH_MODE: "proxy", AUTH_PROXY_SECRET: "short" }, "AUTH_PROXY_SECRET"],
      [{ ...oidc, SESSION_SECRET: undefined }, "SESSION_SECRET"],
      [{ ...oidc, SESSION_SECRET: "too-short" }, "SESSION_SECRET"],
      [{ ...oidc, OIDC_ISSUER: undefined }, "OIDC_ISSUER"],
      [{ ...oidc, OIDC_CLIENT_ID: undefined }, "OIDC_CLIENT_ID"],
      [{ ...live, AUTH_MODE: "password" }, "AUTH_MODE"],
    ])("a missing or weak setting is named: %o", (env, variable) => {
      expect(() => parseConfig(env)).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
    });

    test("proxy mode reads the oauth2-proxy header names by default and role lists in lower case", () => {
      const auth = parseConfig({
        ...live,
        AUTH_MODE: "proxy",
        AUTH_PROXY_SECRET: "p".repeat(16),
        AUTH_ADMIN_EMAILS: " Ada@Example.com , bob@example.com",
        AUTH_OPERATOR_GROUPS: "oncall",
      }).auth;
      expect(auth).toMatchObject({
        mode: "proxy",
        headers: {
          secret: "x-auth-proxy-secret",
          email: "x-forwarded-email",
          user: "x-forwarded-user",
          groups: "x-forwarded-groups",
        },
        roles: { adminEmails: ["ada@example.com", "bob@example.com"], operatorGroups: ["oncall"], operatorEmails: [] },
      });
    });

    test("oidc mode keeps 8 hours idle and 24 hours absolute session expiry by default", () => {
      expect(parseConfig(oidc).auth).toMatchObject({
        mode: "oidc",
        session: { idleMs: 8 * 3_600_000, maxMs: 24 * 3_600_000 },
        groupsClaim: "groups",
      });
    });

    test("the error message never repeats a secret", () => {
      expect(() => parseConfig({ ...oidc, SESSION_SECRET: "short-secret-value" })).toThrow(/SESSION_SECRET/);
      expect(() => parseConfig({ ...oidc, SESSION_SECRET: "short-secret-value" })).not.toThrow(/short-secret-value/);
    });
  });
});

describe("the demo simulator's transport", () => {
  test("is a loopback port on a server, and in-process (no port at all) on Vercel", () => {
    expect(parseConfig({}).simulatorTransport).toBe("port");
    expect(parseConfig({ VERCEL: "1" })).toMatchObject({ simulatorTransport: "in-process", serverless: true });
    expect(parseConfig({ VERCEL: "0" })).toMatchObject({ simulatorTransport: "port", serverless: false });
  });

  test("SIMULATOR_TRANSPORT overrides the guess either way, and a bad value names the variable", () => {
    expect(parseConfig({ SIMULATOR_TRANSPORT: "in-process" }).simulatorTransport).toBe("in-process");
    expect(parseConfig({ VERCEL: "1", SIMULATOR_TRANSPORT: "port" }).simulatorTransport).toBe("port");
    expect(() => parseConfig({ SIMULATOR_TRANSPORT: "socket" })).toThrow(/SIMULATOR_TRANSPORT is not valid/);
  });
});
