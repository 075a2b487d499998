import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import type { AccessToken } from "../buildkite/rest";
import { createSharedRead } from "../live/shared-read";
import type { RestAccess } from "../runtime";
import { REQUIRED_REST_SCOPES, missingScopes, scopeCapabilities } from "@/lib/contract/scopes";

export { REQUIRED_REST_SCOPES } from "@/lib/contract/scopes";

// A token's scopes change only when someone edits it; one read a minute keeps the user budget for work.
const TOKEN_TTL_MS = 60_000;
const tokenReads = createSharedRead<AccessToken>({ ttlMs: TOKEN_TTL_MS, maxEntries: 4 });

export async function restTokenStatus(access: RestAccess | null, signal: AbortSignal) {
  if (access === null)
    return {
      configured: false as const,
      valid: null,
      error: null,
      token: null,
      missingScopes: [...REQUIRED_REST_SCOPES],
      capabilities: scopeCapabilities([]),
    };
  try {
    const { value } = await tokenReads.read(
      access.org,
      async () => (await access.client.accessToken({ signal, noRetry: true })).data,
    );
    return {
      configured: true as const,
      valid: true,
      error: null,
      token: {
        uuid: value.uuid,
        description: value.description,
        createdAt: value.createdAt,
        expiresAt: value.expiresAt,
        scopes: value.scopes,
        user: value.user,
      },
      missingScopes: missingScopes(value.scopes, REQUIRED_REST_SCOPES),
      capabilities: scopeCapabilities(value.scopes),
    };
  } catch (error) {
    if (!(error instanceof BuildkiteError)) throw error;
    return {
      configured: true as const,
      valid: error.status === 401 ? false : null,
      error: { status: error.status, message: error.message },
      token: null,
      missingScopes: [...REQUIRED_REST_SCOPES],
      capabilities: scopeCapabilities([]),
    };
  }
}
