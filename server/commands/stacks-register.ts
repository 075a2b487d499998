import "server-only";
import { stackSchema } from "@/lib/schemas/stacks";
import { z } from "zod";
import { metadataInput, queueKeyInput, stackKeyInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";

export const stacksRegister = defineCommand({
  name: "stacks.register",
  permission: "stacks.admin",
  output: stackSchema,
  body: z.object({
    key: stackKeyInput,
    // kubernetes and elastic are reserved for Buildkite's own stacks.
    type: z.literal("custom", "must be custom").default("custom"),
    queueKey: queueKeyInput,
    metadata: metadataInput.default({}),
  }),
  async run({ body }, { runtime, signal }) {
    const result = await runtime.stacks.registerStack(body, { signal });
    return {
      data: result.data.stack,
      raw: result.raw,
      summary: { created: result.data.created },
      status: result.data.created ? 201 : 200,
    };
  },
});
