import "server-only";
import { z } from "zod";
import { historyRangeSchema, queueHistorySchema } from "@/lib/schemas/queue-history";
import { queueKeyInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { contentHash, omitFields } from "../route-kit/etag";
import { historyWindow } from "../history/history-window";
import { stackInput, watchedQueue } from "../stacks/stack-inputs";

export const queueHistory = defineCommand({
  name: "queue.history",
  permission: "read",
  output: queueHistorySchema,
  params: stackInput,
  query: z.object({ queue: queueKeyInput.optional(), range: historyRangeSchema.default("1h") }),
  async run({ params, query }, { runtime }) {
    const queueKey = watchedQueue(runtime, query.queue);
    const window = historyWindow(query.range, Date.now());
    // Only the store is read: the samples come from the shared poller, so charting costs Buildkite nothing.
    const samples = await runtime.history.samples.read(params.key, queueKey, window);
    return {
      data: { samples },
      summary: {
        range: window.range,
        bucketSeconds: window.bucketSeconds,
        from: new Date(window.from).toISOString(),
        to: new Date(window.to).toISOString(),
        count: samples.length,
      },
    };
  },
  // The window moves with the clock, but the chart changes only when a sample does (a new minute, or a
  // bucket's peak), and with it the samples.
  etag: ({ data, summary }) => contentHash([data, omitFields(summary ?? {}, ["from", "to"])]),
});
