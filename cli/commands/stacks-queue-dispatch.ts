import { z } from "zod";
import { PAUSE_NOTE_MAX_CHARS } from "@/lib/inputs/stacks";
import type { RestClient, RestClusterQueue } from "@/server/buildkite/rest";
import { defineCommand } from "../command";
import { CliError } from "../errors";
import { fields, options, required } from "../options";
import { stackFields, stackOptions } from "./stacks-options";

/**
 * The Stacks API says which cluster queue a stack's queue is (its id) and whether it is paused, but only the
 * REST API can pause it, addressed within its cluster: so these commands need both tokens, as the
 * console's queue.pause does.
 */
async function clusterOf(rest: RestClient, org: string, queueId: string): Promise<string | null> {
  const clusters = await rest.listClusters(org);
  for (const cluster of clusters.data) {
    const queues = await rest.listClusterQueues(org, cluster.id);
    if (queues.data.some((queue) => queue.id === queueId)) return cluster.id;
  }
  return null;
}

const REST_NOTE = "Also needs the REST API token (write_clusters) and an org: the REST API pauses dispatch.";

function dispatchCommand(paused: boolean) {
  const name = paused ? "stacks.queue.pause" : "stacks.queue.resume";
  return defineCommand({
    name,
    description: `${paused ? "pause" : "resume"} dispatch of a stack's queue to agents. ${REST_NOTE}`,
    options: [
      options.org,
      stackOptions.stackKey,
      stackOptions.queueKey,
      ...(paused
        ? [
            {
              flags: "--note <text>",
              description: `why, shown to everyone (at most ${PAUSE_NOTE_MAX_CHARS} characters)`,
            },
          ]
        : []),
    ],
    input: z.object({
      org: fields.org,
      ...stackFields,
      note: paused
        ? required(z.string().trim().min(1, "must say why dispatch is paused").max(PAUSE_NOTE_MAX_CHARS))
        : // resume takes no --note (commander refuses it), so this is always undefined.
          z.string().optional(),
    }),
    request: (input) => ({
      org: input.org,
      stackKey: input.stackKey,
      queueKey: input.queueKey,
      ...(input.note === undefined ? {} : { note: input.note }),
    }),
    async run(input, context) {
      const page = await context
        .stacks()
        .listScheduledJobs({ stackKey: input.stackKey, queueKey: input.queueKey, limit: 1 });
      const { id: queueId, dispatchPaused } = page.data.clusterQueue;
      if (queueId === null)
        throw new CliError("not_found", "The Stacks API did not say which cluster queue this is.", "queue_not_found");
      const result = (
        queue: Pick<RestClusterQueue, "id" | "dispatchPaused" | "dispatchPausedNote">,
        changed: boolean,
      ) => ({
        summary: { dispatchPaused: queue.dispatchPaused, changed },
        data: {
          stackKey: input.stackKey,
          queueKey: input.queueKey,
          clusterQueueId: queue.id,
          dispatchPaused: queue.dispatchPaused,
          note: queue.dispatchPausedNote,
        },
      });
      // Already as asked: a success that changed nothing (a pause keeps its first note), not a refusal.
      if (dispatchPaused === paused) return result({ id: queueId, dispatchPaused, dispatchPausedNote: null }, false);
      const rest = await context.rest();
      const clusterId = await clusterOf(rest, input.org, queueId);
      if (clusterId === null)
        throw new CliError("not_found", "No cluster the REST API token can read holds this queue.", "queue_not_found");
      const changed = paused
        ? await rest.pauseDispatch(input.org, clusterId, queueId, input.note ?? null)
        : await rest.resumeDispatch(input.org, clusterId, queueId);
      return result(changed.data, true);
    },
  });
}

export const stacksQueuePause = dispatchCommand(true);
export const stacksQueueResume = dispatchCommand(false);
