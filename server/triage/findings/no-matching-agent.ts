import "server-only";
import type { Finding } from "@/lib/schemas/triage";
import { QUEUE_TAG } from "@/lib/triage/agent-rules";
import { oldestWait, type RuleSetGroup, type TriageContext } from "../context";
import { age, listed, plural, ruleWanted, waited, whatAgentLacks } from "../wording";

/** Jobs no connected agent can take, one finding per distinct set of rules nobody meets. */
export function noMatchingAgent(context: TriageContext): Finding[] {
  const byUnmet = new Map<string, RuleSetGroup[]>();
  for (const group of context.groups) {
    if (group.match.matching.length > 0) continue;
    // Rules each met by some agent but never by one together are told apart by the whole rule set.
    const { queue, unmetRules, key: ruleSetKey } = group.match;
    const key = unmetRules.length > 0 ? `${queue}\n${unmetRules.join("\n")}` : `together\n${ruleSetKey}`;
    byUnmet.set(key, [...(byUnmet.get(key) ?? []), group]);
  }
  return [...byUnmet.values()].map((groups) => {
    const jobIds = groups.flatMap((group) => group.jobs.map((job) => job.id));
    // The largest group's nearest agents stand for all: they differ only in rules somebody does meet.
    const largest = groups.reduce((a, b) => (b.jobs.length > a.jobs.length ? b : a));
    const { queue, unmetRules, closest } = largest.match;
    const wait = oldestWait(context, jobIds);
    const queueMissing = unmetRules.length > 0 && unmetRules.every((rule) => rule.startsWith(`${QUEUE_TAG}=`));
    const wanted = largest.match.rules.filter((rule) => rule.key !== QUEUE_TAG).map((rule) => rule.text);
    const reason = queueMissing
      ? `no connected agent serves queue ${queue}`
      : unmetRules.length > 0
        ? `no connected agent in queue ${queue} has ${unmetRules.map(ruleWanted).join(" or ")}`
        : `no connected agent in queue ${queue} has ${listed(wanted.map(ruleWanted), wanted.length)} together`;
    const nearest = closest[0];
    const closestClause = nearest ? `; the closest, ${whatAgentLacks(nearest)}` : "";
    return {
      kind: "no_matching_agent",
      severity: "critical",
      jobIds,
      count: jobIds.length,
      since: wait.since,
      maxWaitSeconds: wait.seconds,
      explanation: `${plural(jobIds.length, "job")} ${waited(jobIds.length)} up to ${age(wait.seconds)} because ${reason}${closestClause}.`,
      suggestedAction: queueMissing
        ? `Start agents for queue ${queue}, or point the steps at a queue that has agents.`
        : `Connect an agent in queue ${queue} tagged ${listed(unmetRules.length > 0 ? unmetRules : wanted, Infinity)}, retag ${nearest?.name ?? "an existing agent"}, or change the steps' agent rules.`,
      details: {
        queueKey: queue,
        unmetRules,
        ruleSets: groups.map((group) => group.match.rules.map((rule) => rule.text)),
        closestAgents: closest,
      },
    };
  });
}
