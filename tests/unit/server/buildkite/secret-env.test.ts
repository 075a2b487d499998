import { expect, test } from "vitest";
import { isSecretEnvName, redactSecretEnv } from "@/server/buildkite/secret-env";

test("Buildkite's secret name patterns are recognised, case-insensitively", () => {
  for (const name of [
    "DB_PASSWORD",
    "AWS_SECRET_ACCESS_KEY",
    "GITHUB_TOKEN",
    "SSH_PRIVATE_KEY",
    "PG_CONNECTION_STRING",
    "STRIPE_API_KEY",
    "api_secret",
  ]) {
    expect(isSecretEnvName(name), name).toBe(true);
  }
  for (const name of ["BUILDKITE_BRANCH", "PASSWORD_HINT_URL", "TOKENIZER", "BUILDKITE_STEP_KEY"])
    expect(isSecretEnvName(name), name).toBe(false);
});

test("redactSecretEnv hides secret values and names what it hid", () => {
  const { env, redacted } = redactSecretEnv({ A: "1", DB_PASSWORD: "hunter22", NPM_TOKEN: "npm_abc" });
  expect(env).toEqual({ A: "1", DB_PASSWORD: "[REDACTED]", NPM_TOKEN: "[REDACTED]" });
  expect(redacted).toEqual(["DB_PASSWORD", "NPM_TOKEN"]);
});
