// POST /api/v1/stacks – register (or update) a stack
import { command } from "@/server/route-kit/route";
import { stacksRegister } from "@/server/commands/stacks-register";

export const POST = command(stacksRegister);
