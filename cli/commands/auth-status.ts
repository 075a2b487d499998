import { z } from "zod";
import { missingScopes, REQUIRED_REST_SCOPES, scopeCapabilities } from "@/lib/contract/scopes";
import { defineCommand } from "../command";

export const authStatus = defineCommand({
  name: "auth.status",
  description: "show the REST API token's scopes and what it is missing (GET /v2/access-token)",
  options: [],
  raw: true,
  input: z.object({}),
  request: () => ({}),
  async run(_input, context) {
    const result = await (await context.rest()).accessToken();
    const token = result.data;
    const required = [...REQUIRED_REST_SCOPES];
    const missing = missingScopes(token.scopes, required);
    const capabilities = scopeCapabilities(token.scopes);
    const warnings = missing.length > 0 ? [`The token lacks ${missing.join(", ")}.`] : [];
    if (!capabilities.jobsRetry.ready) warnings.push("Without write_builds, jobs.retry is refused.");
    const summary = {
      requiredScopes: required,
      grantedScopes: token.scopes.length,
      missingScopes: missing,
      ready: missing.length === 0,
      warnings,
    };
    const data = {
      token: {
        uuid: token.uuid,
        description: token.description,
        createdAt: token.createdAt,
        expiresAt: token.expiresAt,
        scopes: token.scopes,
      },
      user: token.user,
      requiredScopes: required,
      missingScopes: missing,
      capabilities,
    };
    return { summary, data: context.raw ? result.raw : data };
  },
});
