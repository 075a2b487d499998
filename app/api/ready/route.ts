// GET /api/ready – readiness: the store, Buildkite's verdict on the tokens, and Redis when configured
import { readyHandler } from "@/server/health/ready-route";

export const dynamic = "force-dynamic";
export const GET = readyHandler;
