// GET /api/v1/auth/status – whether the console's Buildkite tokens work
import { command } from "@/server/route-kit/route";
import { authStatus } from "@/server/commands/auth-status";

export const GET = command(authStatus);
