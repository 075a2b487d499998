import "server-only";
import type { Finding } from "@/lib/schemas/triage";
import { oldestWait, type RuleSetGroup, type TriageContext } from "../context";
import { age, clock, listed, plural, waited } from "../wording";

/**
 * Jobs whose matching agents are all busy: capacity, not targeting. One finding per pool of agents, since
 * rule sets that match the same agents wait on the same thing. Below the wait SLO this is ordinary load.
 */
export function allMatchingAgentsBusy(context: TriageContext): Finding[] {
  const byPool = new Map<string, RuleSetGroup[]>();
  for (const group of context.groups) {
    const { matching } = group.match;
    if (matching.length === 0 || !matching.every((index) => context.agents[index]!.busy)) continue;
    const key = matching.join(",");
    byPool.set(key, [...(byPool.get(key) ?? []), group]);
  }
  return [...byPool.values()].map((groups) => {
    const jobIds = groups.flatMap((group) => group.jobs.map((job) => job.id));
    const pool = groups[0]!.match.matching.map((index) => context.agents[index]!);
    const starts = pool.map((agent) => agent.busySince);
    const allBusySince = starts.every((start) => start !== undefined) ? Math.max(...starts) : null;
    const wait = oldestWait(context, jobIds);
    const rules = groups[0]!.match.rules.map((rule) => rule.text);
    const names = pool.map((agent) => agent.name);
    const one = pool.length === 1;
    const agentsClause = one
      ? `the only matching agent, ${names[0]},`
      : `all ${pool.length} matching agents (${listed(names)})`;
    const busyClause =
      allBusySince === null
        ? `${one ? "is" : "are"} busy`
        : `${one ? "has" : "have"} been busy since ${clock(allBusySince)}`;
    return {
      kind: "all_matching_agents_busy",
      severity: wait.seconds >= context.sloSeconds ? "warning" : "info",
      jobIds,
      count: jobIds.length,
      since: allBusySince === null ? null : new Date(allBusySince).toISOString(),
      maxWaitSeconds: wait.seconds,
      explanation: `${plural(jobIds.length, "job")} needing ${listed(rules)} ${waited(jobIds.length)} up to ${age(wait.seconds)} because ${agentsClause} ${busyClause}.`,
      suggestedAction: `Add agents matching ${listed(rules)}, or check whether the running jobs on ${listed(names)} are stuck.`,
      details: {
        rules,
        busyAgents: pool.length,
        agentNames: names,
        allBusySince: allBusySince === null ? null : new Date(allBusySince).toISOString(),
      },
    };
  });
}
