// POST /api/v1/stacks/{key}/deregister – deregister a stack
import { command } from "@/server/route-kit/route";
import { stacksDeregister } from "@/server/commands/stacks-deregister";

export const POST = command(stacksDeregister);
