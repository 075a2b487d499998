import { z } from "zod";
import { buildkiteUserSchema } from "./buildkite-user";

// auth.status as the BFF sends it: the console's mode, both Buildkite tokens (valid, scopes, what is
// missing), the REST budget left, what the console can do with them, and who the caller is.

export const capabilitySchema = z.object({
  requiredScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  ready: z.boolean(),
});
export type Capability = z.infer<typeof capabilitySchema>;

/** Why a token's validity is unknown: Buildkite could not be asked, or answered with another error. */
const tokenCheckErrorSchema = z.object({ status: z.number().int().nullable(), message: z.string() });

const rateLimitSchema = z.object({
  scope: z.string().nullable(),
  limit: z.number().nullable(),
  remaining: z.number().nullable(),
  resetSeconds: z.number().nullable(),
});

export const authStatusSchema = z.object({
  mode: z.enum(["demo", "live"]),
  org: z.string().nullable(),
  clusterToken: z.object({
    configured: z.boolean(),
    valid: z.boolean().nullable(),
    stackKey: z.string(),
    queueKeys: z.array(z.string()),
    error: tokenCheckErrorSchema.nullable(),
  }),
  apiToken: z.object({ configured: z.boolean() }),
  rest: z.object({
    configured: z.boolean(),
    valid: z.boolean().nullable(),
    error: tokenCheckErrorSchema.nullable(),
    scopes: z.array(z.string()),
    requiredScopes: z.array(z.string()),
    missingScopes: z.array(z.string()),
    /** Both REST budgets as Buildkite last reported them. */
    budget: z
      .object({
        organization: rateLimitSchema.nullable(),
        user: rateLimitSchema.nullable(),
        observedAt: z.number().nullable(),
      })
      .nullable(),
  }),
  /** The REST token as `GET /v2/access-token` describes it: the contract's `data.token` and `data.user`. */
  token: z
    .object({
      uuid: z.string(),
      description: z.string().nullable(),
      createdAt: z.string().nullable(),
      expiresAt: z.string().nullable(),
      scopes: z.array(z.string()),
      user: buildkiteUserSchema.nullable(),
    })
    .nullable(),
  user: buildkiteUserSchema.nullable(),
  requiredScopes: z.array(z.string()),
  missingScopes: z.array(z.string()),
  /** Optional actions and the scopes each needs: the UI disables one with the scopes it lacks. */
  capabilities: z.record(z.string(), capabilitySchema),
  pollIntervalMs: z.number().int(),
  operator: z.object({
    name: z.string(),
    role: z.enum(["viewer", "operator", "admin"]),
    permissions: z.array(z.string()),
  }),
});
export type AuthStatus = z.infer<typeof authStatusSchema>;
