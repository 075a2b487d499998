// GET /api/v1/builds – list builds, filtered by pipeline, branch and state
import { command } from "@/server/route-kit/route";
import { buildsList } from "@/server/commands/builds-list";

export const GET = command(buildsList);
