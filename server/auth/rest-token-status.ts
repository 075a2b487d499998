import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import type { AccessToken } from "../buildkite/rest";
import { createSharedRead } from "../live/shared-read";
import type { RestAccess } from "../runtime";

/** What builds, logs and artifacts need (the contract's required scopes). */
export const REQUIRED_REST_SCOPES = ["read_builds", "read_build_logs", "read_artifacts"] as const;

/** Optional capabilities and the scopes each needs; the UI disables an action with the missing ones. */
export const REST_CAPABILITIES = {
  jobsRetry: ["write_builds"],
  jobsUnblock: ["write_builds"],
  buildsCancel: ["write_builds"],
  buildsRebuild: ["write_builds"],
  jobEnv: ["read_job_env"],
  pipelinesList: ["read_pipelines"],
  pauseDetails: ["read_clusters"],
  pauseDispatch: ["write_clusters"],
} as const satisfies Record<string, readonly string[]>;

// A token's scopes change only when someone edits it; one read a minute keeps the user budget for work.
const TOKEN_TTL_MS = 60_000;
const tokenReads = createSharedRead<AccessToken>({ ttlMs: TOKEN_TTL_MS, maxEntries: 4 });

const missing = (granted: readonly string[], wanted: readonly string[]) =>
  wanted.filter((scope) => !granted.includes(scope));

export async function restTokenStatus(access: RestAccess | null, signal: AbortSignal) {
  if (access === null)
    return {
      configured: false as const,
      valid: null,
      error: null,
      token: null,
      missingScopes: [...REQUIRED_REST_SCOPES],
      capabilities: capabilities([]),
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
      missingScopes: missing(value.scopes, REQUIRED_REST_SCOPES),
      capabilities: capabilities(value.scopes),
    };
  } catch (error) {
    if (!(error instanceof BuildkiteError)) throw error;
    return {
      configured: true as const,
      valid: error.status === 401 ? false : null,
      error: { status: error.status, message: error.message },
      token: null,
      missingScopes: [...REQUIRED_REST_SCOPES],
      capabilities: capabilities([]),
    };
  }
}

function capabilities(granted: readonly string[]) {
  return Object.fromEntries(
    Object.entries(REST_CAPABILITIES).map(([name, requiredScopes]) => {
      const absent = missing(granted, requiredScopes);
      return [name, { requiredScopes: [...requiredScopes], missingScopes: absent, ready: absent.length === 0 }];
    }),
  ) as Record<keyof typeof REST_CAPABILITIES, { requiredScopes: string[]; missingScopes: string[]; ready: boolean }>;
}
