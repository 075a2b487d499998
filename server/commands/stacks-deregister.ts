import "server-only";
import { deregisterResultSchema } from "@/lib/schemas/stacks";
import { defineCommand } from "../route-kit/command";
import { stackInput } from "../stacks/stack-inputs";

export const stacksDeregister = defineCommand({
  name: "stacks.deregister",
  permission: "stacks.admin",
  output: deregisterResultSchema,
  params: stackInput,
  async run({ params }, { runtime, signal }) {
    try {
      await runtime.stacks.deregisterStack(params.key, { signal });
      return { data: { key: params.key, deregistered: true }, summary: { deregistered: true } };
    } finally {
      await runtime.live.invalidateStack(params.key);
    }
  },
});
