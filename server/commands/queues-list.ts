import "server-only";
import { watchedQueuesSchema } from "@/lib/schemas/queue";
import { defineCommand } from "../route-kit/command";
import { stackInput } from "../stacks/stack-inputs";
import { watchedQueues } from "../stacks/watched-queues";

export const queuesList = defineCommand({
  name: "queues.list",
  permission: "read",
  output: watchedQueuesSchema,
  params: stackInput,
  async run({ params }, { runtime }) {
    const data = await watchedQueues(runtime, params.key);
    return {
      data,
      summary: {
        count: data.queueKeys.length,
        source: data.source,
        warnings: data.unavailable ? [data.unavailable] : [],
      },
    };
  },
});
