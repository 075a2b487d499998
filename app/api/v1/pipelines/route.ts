// GET /api/v1/pipelines – the organization's pipelines, for picking one
import { command } from "@/server/route-kit/route";
import { pipelinesList } from "@/server/commands/pipelines-list";

export const GET = command(pipelinesList);
