import { z } from "zod";
import { commandEnvelope, rawEnvelope } from "./envelope";
import { emptyRequestSchema } from "./common";

export const authSetupSources = ["flag", "prompt", "stdin"] as const;

export const authSetupParts = {
  request: z.object({ tokenProvided: z.boolean() }),
  summary: z.object({ configured: z.boolean(), source: z.enum(authSetupSources) }),
  data: z.object({ path: z.string() }),
  pagination: z.null(),
};
export const authSetupEnvelope = commandEnvelope("auth.setup", authSetupParts);

const scopeList = z.array(z.string());

export const capabilitySchema = z.object({
  requiredScopes: scopeList,
  missingScopes: scopeList,
  ready: z.boolean(),
});

export const authStatusParts = {
  request: emptyRequestSchema,
  summary: z.object({
    requiredScopes: scopeList,
    grantedScopes: z.number().int(),
    missingScopes: scopeList,
    ready: z.boolean(),
    warnings: z.array(z.string()),
  }),
  data: z.object({
    token: z.object({
      uuid: z.string(),
      // A token made without a description has none.
      description: z.string().nullable(),
      createdAt: z.string(),
      scopes: scopeList,
    }),
    user: z.object({ name: z.string(), email: z.string() }),
    requiredScopes: scopeList,
    missingScopes: scopeList,
    capabilities: z.object({ jobsRetry: capabilitySchema }),
  }),
  pagination: z.null(),
};
export const authStatusEnvelope = commandEnvelope("auth.status", authStatusParts);
export const authStatusRawEnvelope = rawEnvelope("auth.status", authStatusParts.request);
