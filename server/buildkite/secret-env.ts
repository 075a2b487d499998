// Shared with the bkci CLI, which runs in plain Node: no "server-only" import (ESLint keeps it out of browsers).
import { REDACTED } from "./redact";

// The variable names Buildkite itself treats as secret (the agent's default --redacted-vars,
// https://buildkite.com/docs/agent/cli/reference/start), plus *_API_KEY, which its list misses and real
// pipelines use. The console shows a job's env to operators but never these values: an on-call screen gets
// shared.
const SECRET_NAME = /(?:_PASSWORD|_SECRET|_TOKEN|_PRIVATE_KEY|_ACCESS_KEY|_SECRET_KEY|_CONNECTION_STRING|_API_KEY)$/i;

export function isSecretEnvName(name: string): boolean {
  return SECRET_NAME.test(name);
}

export function redactSecretEnv(env: Record<string, string>): { env: Record<string, string>; redacted: string[] } {
  const redacted: string[] = [];
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (isSecretEnvName(name)) {
      redacted.push(name);
      safe[name] = REDACTED;
    } else {
      safe[name] = value;
    }
  }
  return { env: safe, redacted };
}
