import type { AuthStatus, Capability } from "@/lib/schemas/auth";

/** What `auth.status` says about one REST capability: still loading, or the capability and the token's facts. */
export type CapabilityAccess = "loading" | { capability: Capability | undefined; rest: AuthStatus["rest"] | undefined };

/** The named capability of an `auth.status` read (pending while it loads). */
export function capabilityAccess(
  auth: { isPending: boolean; data?: { data: AuthStatus } },
  name: string,
): CapabilityAccess {
  return auth.isPending ? "loading" : { capability: auth.data?.data.capabilities[name], rest: auth.data?.data.rest };
}

/** What blocks `action`, in words, or null when it may be tried (the server still checks). */
export function capabilityBlockedReason(access: CapabilityAccess, action: string): string | null {
  if (access === "loading") return "Checking the REST token's scopes…";
  const { capability, rest } = access;
  if (!capability || capability.ready) return null;
  if (rest && !rest.configured) return `${action} is unavailable: the console has no Buildkite REST API token.`;
  if (rest?.valid === false) return `${action} is unavailable: Buildkite rejected the console's REST API token.`;
  if (rest?.error)
    return `${action} is unavailable: the console could not read its REST API token's scopes (${rest.error.message}).`;
  const missing = capability.missingScopes.length > 0 ? capability.missingScopes : capability.requiredScopes;
  return `${action} is unavailable: the console's REST API token lacks the ${missing.join(", ")} scope${missing.length === 1 ? "" : "s"}.`;
}
