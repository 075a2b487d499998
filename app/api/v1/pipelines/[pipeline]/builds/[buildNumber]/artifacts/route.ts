// GET /api/v1/pipelines/{p}/builds/{buildNumber}/artifacts – a build's (or one job's) artifacts
import { command } from "@/server/route-kit/route";
import { artifactsList } from "@/server/commands/artifacts-list";

export const GET = command(artifactsList);
