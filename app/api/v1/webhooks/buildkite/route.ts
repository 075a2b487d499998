// POST /api/v1/webhooks/buildkite – Buildkite's webhook: verified by BUILDKITE_WEBHOOK_TOKEN, not a session
import { receiveBuildkiteWebhook } from "@/server/webhooks/receive-delivery";

export const POST = receiveBuildkiteWebhook;
