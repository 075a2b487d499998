import "server-only";
import {
  findingSeverities,
  triageSchema,
  type Finding,
  type FindingKind,
  type FindingSeverity,
} from "@/lib/schemas/triage";
import { defineCommand } from "../route-kit/command";
import { contentHash, omitFields } from "../route-kit/etag";
import { consoleMetrics } from "../metrics/registry";
import { queueInput, stackInput, watchedQueue } from "../stacks/stack-inputs";
import { pauseDetails } from "../stacks/pause-details";
import { computeFindings } from "../triage/findings";
import { triageAgents } from "../triage/triage-agents";
import { triageBuildStates } from "../triage/triage-build-states";
import { triageDefaultQueue } from "../triage/triage-default-queue";
import type { TriageReservation } from "../triage/input";

/** Findings that judge jobs against agents: without the agents they would blame every job on nobody. */
const AGENT_KINDS: ReadonlySet<FindingKind> = new Set(["no_matching_agent", "all_matching_agents_busy"]);

export const triageGet = defineCommand({
  name: "triage.get",
  permission: "read",
  output: triageSchema,
  params: stackInput,
  query: queueInput,
  async run({ params, query }, { runtime, operator }) {
    const queueKey = watchedQueue(runtime, query.queue);
    consoleMetrics().liveViewers.polled(operator.id);
    // Everything here is shared: the queue snapshot and the agents list are the reads every viewer's poll
    // already uses, the waiting jobs' builds and the cluster are shared REST reads, and the ledger is the
    // console's own store.
    const snapshot = await runtime.live.queueSnapshot({ stackKey: params.key, queueKey });
    const { jobs, clusterQueue } = snapshot.value;
    const now = snapshot.fetchedAt;
    const [details, agents, expired, builds, defaultQueue] = await Promise.all([
      pauseDetails(runtime, clusterQueue.id, clusterQueue.dispatchPaused),
      triageAgents(runtime),
      runtime.ledger.expiredReservations(params.key, now),
      triageBuildStates(runtime, jobs),
      triageDefaultQueue(runtime, clusterQueue.id),
    ]);
    // Only reservations of jobs back in this queue matter here; the rest ran or belong to another queue.
    const waiting = new Set(jobs.map((job) => job.id));
    const reservations: TriageReservation[] = expired
      .filter((r) => waiting.has(r.jobId))
      .map((r) => ({ jobId: r.jobId, expiresAt: Date.parse(r.expiresAt), finished: false, reservedBy: r.reservedBy }));
    const computed = computeFindings({
      now,
      jobs,
      queue: { key: queueKey, dispatchPaused: clusterQueue.dispatchPaused, pause: details.pause },
      agents: agents.agents ?? [],
      reservations,
      buildStates: builds.states,
      waitSloSeconds: runtime.config.waitSloSeconds,
      defaultQueue: defaultQueue.key,
    });
    const findings = agents.agents === null ? computed.filter((f) => !AGENT_KINDS.has(f.kind)) : computed;
    const warnings = [
      ...(agents.unavailable ? [agents.unavailable] : []),
      ...builds.warnings,
      ...(defaultQueue.unavailable ? [defaultQueue.unavailable] : []),
      ...(details.unavailable ? [details.unavailable.message] : []),
    ];
    return {
      data: { findings },
      summary: {
        count: findings.length,
        bySeverity: bySeverity(findings),
        waiting: jobs.length,
        computedAt: new Date(now).toISOString(),
        warnings,
      },
    };
  },
  // Every sentence carries its waits and ages, so only the time of the read is left out.
  etag: ({ data, summary }) => contentHash([data, omitFields(summary ?? {}, ["computedAt"])]),
});

function bySeverity(findings: readonly Finding[]): Record<FindingSeverity, number> {
  const counts = Object.fromEntries(findingSeverities.map((s) => [s, 0])) as Record<FindingSeverity, number>;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}
