// GET /api/v1/pipelines/{p}/builds/{buildNumber}/annotations – a build's annotations, sanitised
import { command } from "@/server/route-kit/route";
import { annotationsList } from "@/server/commands/annotations-list";

export const GET = command(annotationsList);
