// GET /api/v1/pipelines/{p}/builds/{buildNumber} – a build with its jobs, failed ones named
import { command } from "@/server/route-kit/route";
import { buildsGet } from "@/server/commands/builds-get";

export const GET = command(buildsGet);
