// POST /api/v1/pipelines/{p}/builds/{n}/rebuild – run the build's commit again as a new build
import { command } from "@/server/route-kit/route";
import { buildsRebuild } from "@/server/commands/builds-rebuild";

export const POST = command(buildsRebuild);
