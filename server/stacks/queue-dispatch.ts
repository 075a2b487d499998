import "server-only";
import { dispatchResultSchema } from "@/lib/schemas/stacks";
import { z } from "zod";
import { BuildkiteError } from "../buildkite/errors";
import { ConsoleError } from "../route-kit/console-error";
import { defineCommand } from "../route-kit/command";
import { attribution } from "../auth/operator";
import { PAUSE_NOTE_MAX_CHARS } from "@/lib/inputs/stacks";
import { queueInput, stackInput, watchedQueue } from "./stack-inputs";

/** What Buildkite keeps of a pause note. */
const BUILDKITE_NOTE_MAX_CHARS = 255;

const pauseInput = z.object({
  note: z
    .string()
    .trim()
    .min(1, "must say why dispatch is paused")
    .max(PAUSE_NOTE_MAX_CHARS, `must be at most ${PAUSE_NOTE_MAX_CHARS} characters`),
});

/**
 * queue.pause and queue.resume: one command each, built here because they differ only in the state asked
 * for. Pausing or resuming a queue changes what every agent of the cluster does, so only admins may.
 */
export function dispatchCommand(name: "queue.pause" | "queue.resume", paused: boolean) {
  return defineCommand({
    name,
    permission: "stacks.admin",
    output: dispatchResultSchema,
    params: stackInput,
    query: queueInput,
    body: paused ? pauseInput : z.object({}).optional(),
    async run({ params, query, body }, { runtime, operator }) {
      const queueKey = watchedQueue(runtime, query.queue);
      if (runtime.clusterQueues === null) {
        throw new ConsoleError(
          "permission_error",
          "Pausing dispatch needs the REST API (BUILDKITE_API_TOKEN and BUILDKITE_ORG).",
          "rest_unconfigured",
          { source: "console" },
        );
      }
      // The queue's id comes from the Stacks API; the REST API addresses it by that id within its cluster.
      const snapshot = await runtime.live.queueSnapshot({ stackKey: params.key, queueKey });
      const queueId = snapshot.value.clusterQueue.id;
      if (queueId === null)
        throw new ConsoleError(
          "not_found",
          "The Stacks API did not say which cluster queue this is.",
          "queue_not_found",
          { source: "console" },
        );
      // Two operators reacting to the same incident may both press the button: the queue is already as asked,
      // so that is a success that changed nothing (a pause keeps the first note), not a call Buildkite refuses.
      const unchanged = () => {
        const warning = paused
          ? `Dispatch of queue ${queueKey} was already paused; its note is unchanged.`
          : `Dispatch of queue ${queueKey} was not paused.`;
        return {
          data: { stackKey: params.key, queueKey, clusterQueueId: queueId, dispatchPaused: paused, note: null },
          summary: { dispatchPaused: paused, changed: false, warnings: [warning] },
        };
      };
      if (snapshot.value.clusterQueue.dispatchPaused === paused) return unchanged();
      const clusterQueues = runtime.clusterQueues;
      // The note Buildkite shows everyone names the operator first, so cropping can never cut the name off.
      const note =
        body && "note" in body
          ? `Paused by ${attribution(operator)} via Stack Console: ${body.note}`.slice(0, BUILDKITE_NOTE_MAX_CHARS)
          : null;
      const queue = await clusterQueues
        .setDispatch(queueId, paused, note)
        .catch(async (error: unknown) => {
          // The snapshot is up to a poll interval old, so someone else may have got there first; Buildkite
          // then refuses the change (422). A fresh read tells that apart from a real refusal. Any other
          // failure stays one: a lost answer may hide our own change, which is not "nothing changed".
          if (!(error instanceof BuildkiteError && error.status === 422)) throw error;
          const now = await clusterQueues.queue(queueId).catch(() => null);
          if (now?.dispatchPaused === paused) return "unchanged" as const;
          throw error;
        })
        .finally(() => runtime.live.invalidateStack(params.key));
      if (queue === "unchanged") return unchanged();
      if (queue === null)
        throw new ConsoleError(
          "not_found",
          "No cluster the REST API token can read holds this queue.",
          "queue_not_found",
          { source: "console" },
        );
      return {
        data: {
          stackKey: params.key,
          queueKey,
          clusterQueueId: queue.id,
          dispatchPaused: queue.dispatchPaused,
          note: queue.dispatchPausedNote,
        },
        summary: { dispatchPaused: queue.dispatchPaused, changed: true, warnings: [] },
      };
    },
  });
}
