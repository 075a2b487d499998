import "server-only";
import { queueStateSchema } from "@/lib/schemas/queue";
import { defineCommand } from "../route-kit/command";
import { contentHash, omitFields } from "../route-kit/etag";
import { consoleMetrics } from "../metrics/registry";
import { queueInput, stackInput, watchedQueue } from "../stacks/stack-inputs";
import { pauseDetails } from "../stacks/pause-details";

export const queueGet = defineCommand({
  name: "queue.get",
  permission: "read",
  output: queueStateSchema,
  params: stackInput,
  query: queueInput,
  async run({ params, query }, { runtime, operator }) {
    const queueKey = watchedQueue(runtime, query.queue);
    consoleMetrics().liveViewers.polled(operator.id);
    const snapshot = await runtime.live.queueSnapshot({ stackKey: params.key, queueKey });
    const { jobs, clusterQueue, complete } = snapshot.value;
    // The list is oldest first, so the first job is the one that has waited longest.
    const oldest = jobs[0]?.scheduledAt ?? null;
    const details = await pauseDetails(runtime, clusterQueue.id, clusterQueue.dispatchPaused);
    const oldestWaitSeconds = oldest ? Math.max(0, Math.round((snapshot.fetchedAt - Date.parse(oldest)) / 1000)) : null;
    const longWaitSince = snapshot.fetchedAt - runtime.config.thresholds.waitSeconds.warning * 1000;
    const longWaitCount = jobs.filter((job) => Date.parse(job.scheduledAt) < longWaitSince).length;
    const data = {
      stackKey: params.key,
      queueKey,
      clusterQueueId: clusterQueue.id,
      dispatchPaused: clusterQueue.dispatchPaused,
      pause: details.pause,
      pauseUnavailable: details.unavailable,
      scheduledCount: jobs.length,
      countComplete: complete,
      oldestScheduledAt: oldest,
      oldestWaitSeconds,
      longWaitCount,
      fetchedAt: new Date(snapshot.fetchedAt).toISOString(),
    };
    return {
      data,
      summary: {
        dispatchPaused: data.dispatchPaused,
        scheduledCount: data.scheduledCount,
        countComplete: complete,
        oldestWaitSeconds,
        warnings: details.unavailable ? [details.unavailable.message] : [],
      },
    };
  },
  // The time of the read and the wait derived from it change on every read; the browser reckons the wait
  // from `oldestScheduledAt` itself. `longWaitCount` also depends on the time, but only changes when a job
  // crosses the threshold, and then the tag changes with it.
  etag: ({ data, summary }) =>
    contentHash([
      omitFields(data, ["fetchedAt", "oldestWaitSeconds"]),
      omitFields(summary ?? {}, ["oldestWaitSeconds"]),
    ]),
});
