import { describe, expect, it } from "vitest";

import {
  REDACTED,
  redactEnvValues,
  redactHeaders,
  redactPayload,
  scrubSecrets,
  scrubSecretsDeep,
} from "@/server/buildkite/redact";

const token = "bkct_0123456789abcdef";

describe("scrubSecrets", () => {
  it("replaces every occurrence of the token", () => {
    expect(scrubSecrets(`a ${token} b ${token}`, [token])).toBe(`a ${REDACTED} b ${REDACTED}`);
  });

  it("ignores empty and trivially short secrets instead of mangling text", () => {
    expect(scrubSecrets("abc", ["", "a"])).toBe("abc");
  });

  it("reaches into nested values and keys", () => {
    const value = { list: [`x${token}`], nested: { [token]: 1, n: 2, ok: true } };
    expect(scrubSecretsDeep(value, [token])).toEqual({
      list: [`x${REDACTED}`],
      nested: { [REDACTED]: 1, n: 2, ok: true },
    });
  });
});

describe("redactEnvValues", () => {
  it("replaces every value of any env object, at any depth, keeping names", () => {
    const job = { id: "j1", env: { AWS_SECRET: "s3cr3t", BUILDKITE_BRANCH: "main" }, command: "make" };
    expect(redactEnvValues(job)).toEqual({
      id: "j1",
      env: { AWS_SECRET: REDACTED, BUILDKITE_BRANCH: REDACTED },
      command: "make",
    });
    expect(redactEnvValues({ jobs: [{ step: { env: { A: "1" } } }] })).toEqual({
      jobs: [{ step: { env: { A: REDACTED } } }],
    });
  });

  it("redacts env spelled as a list or a blob wholesale", () => {
    expect(redactEnvValues({ env: ["A=1", "B=2"] })).toEqual({ env: REDACTED });
    expect(redactEnvValues({ env: "A=1\nB=2" })).toEqual({ env: REDACTED });
    expect(redactEnvValues({ env: null })).toEqual({ env: null });
  });

  it("does not mutate its input", () => {
    const job = { env: { A: "1" } };
    redactEnvValues(job);
    expect(job.env.A).toBe("1");
  });
});

describe("redactHeaders and redactPayload", () => {
  it("hides credentials in headers whatever their case", () => {
    expect(redactHeaders({ Authorization: `Token ${token}`, accept: "application/json" })).toEqual({
      Authorization: REDACTED,
      accept: "application/json",
    });
  });

  it("combines env redaction and token scrubbing", () => {
    expect(redactPayload({ env: { T: token }, note: `uses ${token}` }, [token])).toEqual({
      env: { T: REDACTED },
      note: `uses ${REDACTED}`,
    });
  });
});
