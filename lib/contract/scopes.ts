// The token scopes the contract names (auth.status): what builds, logs and artifacts need, and the optional
// capabilities with the scopes each needs. The console's auth.status and bkci both report from this table.

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
  agentsList: ["read_agents"],
} as const satisfies Record<string, readonly string[]>;

export interface Capability {
  requiredScopes: string[];
  missingScopes: string[];
  ready: boolean;
}

export const missingScopes = (granted: readonly string[], wanted: readonly string[]): string[] =>
  wanted.filter((scope) => !granted.includes(scope));

export function scopeCapabilities(granted: readonly string[]): Record<keyof typeof REST_CAPABILITIES, Capability> {
  return Object.fromEntries(
    Object.entries(REST_CAPABILITIES).map(([name, requiredScopes]) => {
      const absent = missingScopes(granted, requiredScopes);
      return [name, { requiredScopes: [...requiredScopes], missingScopes: absent, ready: absent.length === 0 }];
    }),
  ) as Record<keyof typeof REST_CAPABILITIES, Capability>;
}
