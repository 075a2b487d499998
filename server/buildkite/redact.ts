export const REDACTED = "[REDACTED]";

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

/** Replaces every occurrence of each secret; secrets too short to be meaningful are ignored. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/** Deep copy with secrets scrubbed from every string, keys included (a token can end up anywhere). */
export function scrubSecretsDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return scrubSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => scrubSecretsDeep(item, secrets));
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [scrubSecrets(key, secrets), scrubSecretsDeep(item, secrets)]),
    );
  }
  return value;
}

/**
 * Deep copy where every value of any `env` object becomes "[REDACTED]". Job env holds pipeline
 * secrets; variable names stay visible because they are what an operator needs to debug.
 */
export function redactEnvValues(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactEnvValues);
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      if (key === "env" && isPlainObject(item)) {
        return [key, Object.fromEntries(Object.keys(item).map((name) => [name, REDACTED]))];
      }
      // Some payloads spell env as `["NAME=value", …]` or a blob; neither shape can be split safely.
      if (key === "env" && item !== null && item !== undefined) return [key, REDACTED];
      return [key, redactEnvValues(item)];
    }),
  );
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
  );
}

/** What may be written to a log for a request or response payload. */
export function redactPayload(value: unknown, secrets: readonly string[]): unknown {
  return scrubSecretsDeep(redactEnvValues(value), secrets);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
