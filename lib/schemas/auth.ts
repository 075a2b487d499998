import { z } from "zod";

export const capabilitySchema = z.object({
  requiredScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  ready: z.boolean(),
});
export type Capability = z.infer<typeof capabilitySchema>;

/**
 * The parts of `auth.status` the builds pages use. The REST token's facts are optional and fall back to
 * "unknown" rather than failing the page: the server refuses a retry the token cannot make anyway.
 */
export const authStatusSchema = z.object({
  mode: z.string(),
  clusterToken: z.object({ stackKey: z.string() }),
  rest: z
    .object({
      configured: z.boolean(),
      valid: z.boolean().nullable().optional(),
      scopes: z.array(z.string()),
      missingScopes: z.array(z.string()),
      /** Why the token's scopes are unknown (Buildkite could not be asked), or null. */
      error: z.object({ message: z.string() }).nullable().optional(),
    })
    .optional()
    .catch(undefined),
  capabilities: z
    .object({ jobsRetry: capabilitySchema.optional().catch(undefined) })
    .optional()
    .catch(undefined),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;
