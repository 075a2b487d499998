// POST /api/v1/pipelines/{p}/builds/{n}/cancel – cancel a scheduled, running or failing build
import { command } from "@/server/route-kit/route";
import { buildsCancel } from "@/server/commands/builds-cancel";

export const POST = command(buildsCancel);
