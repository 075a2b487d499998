import "server-only";
import { z } from "zod";
import { changesSinceSchema, type ChangeSet, type StreamHello } from "@/lib/schemas/change-sets";
import { wholeNumberText } from "@/lib/inputs/numbers";
import { apiPaths } from "@/lib/api/paths";
import { defineCommand } from "../route-kit/command";
import { eventStream, eventStreamOutput } from "../route-kit/event-stream";
import { feedTopic } from "../live/live-reads";
import { sseFrame } from "../live/queue-streams";
import { queueInput, stackInput, watchedQueue } from "../stacks/stack-inputs";

const version = wholeNumberText("a version from this queue's events", { min: 0, max: Number.MAX_SAFE_INTEGER });

/**
 * A queue's changes as they happen. Asked for as `text/event-stream`: a `hello` event with the current
 * version (and whether the changes since the caller's version follow), then one `change` event per change
 * set, each with its version as the event id, so a reconnecting EventSource resumes by `Last-Event-ID`.
 * Asked for as JSON: the change sets since `since`, for a caller that cannot hold a stream.
 */
export const queueEvents = defineCommand({
  name: "queue.events",
  permission: "read",
  output: z.union([changesSinceSchema, eventStreamOutput]),
  params: stackInput,
  query: queueInput.extend({ since: version.optional() }),
  async run({ params, query }, { runtime, eventStream: streaming }) {
    const queueKey = watchedQueue(runtime, query.queue);
    const { live, streams, config } = runtime;
    const topic = feedTopic(params.key, queueKey);
    // A first read makes sure the queue has a version; it fails here, as an envelope, if Buildkite cannot
    // be read, rather than opening a stream that says nothing.
    const snapshot = await live.queueSnapshot({ stackKey: params.key, queueKey });
    const current = async () => (await live.changes.state(topic))?.version ?? snapshot.value.version;
    // A reconnecting browser's Last-Event-ID is newer than the `since` its URL was opened with.
    const resumeFrom = version.safeParse(streaming?.lastEventId ?? undefined);
    const since = resumeFrom.success ? resumeFrom.data : query.since;
    if (streaming === undefined) {
      const changes = since === undefined ? null : await live.changes.since(topic, since);
      return { data: { version: await current(), queueKey, changes } };
    }
    return {
      data: eventStream(async (sink) => {
        // Joined before the backlog is read, so a change committed meanwhile is held, not missed.
        const held: { change: ChangeSet; frame: Uint8Array }[] = [];
        let sent: number | null = null;
        const leave = streams.join(params.key, queueKey, {
          change(change, frame) {
            if (sent === null) held.push({ change, frame });
            else if (change.version > sent) {
              sent = change.version;
              sink.send(frame);
            }
          },
          upstream: (frame) => sink.send(frame),
        });
        const [now, backlog] = await Promise.all([
          current(),
          since === undefined ? Promise.resolve(null) : live.changes.since(topic, since),
        ]);
        const hello: StreamHello = {
          version: now,
          queueKey,
          resumed: backlog !== null,
          snapshotUrl: apiPaths.scheduledJobs(params.key, queueKey),
          webhooks: runtime.webhookToken !== null,
          pollIntervalMs: config.pollIntervalMs,
        };
        sink.send(sseFrame("hello", JSON.stringify(hello), now));
        let last = backlog === null ? now : (since ?? now);
        for (const change of backlog ?? []) {
          sink.send(sseFrame("change", JSON.stringify(change), change.version));
          last = change.version;
        }
        for (const { change, frame } of held) {
          if (change.version <= last) continue;
          sink.send(frame);
          last = change.version;
        }
        sent = last;
        return leave;
      }),
    };
  },
});
