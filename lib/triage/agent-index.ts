import {
  DEFAULT_QUEUE,
  QUEUE_TAG,
  parseAgentRules,
  parseAgentTags,
  ruleHolds,
  ruleQueue,
  type AgentRule,
} from "./agent-rules";

// Matching every job against every agent costs jobs × agents × rules. Jobs share few distinct rule sets, so
// each distinct set is resolved once, through an index of agents by tag key and value: a rule then costs the
// agents that satisfy it, not all of them.

export interface TaggedAgent {
  id: string;
  name: string;
  /** `key=value` strings, as the agent's meta-data lists them. */
  tags: readonly string[];
}

export interface RuleShortfall {
  rule: string;
  /** The agent has no such tag at all, or has it with other values (`agentValues`). */
  reason: "missing_tag" | "different_value";
  agentValues: string[];
}

export interface ClosestAgent {
  id: string;
  name: string;
  lacks: RuleShortfall[];
}

export interface RuleSetMatch {
  /** The normalised rules: sorted, de-duplicated, the default queue explicit. */
  rules: AgentRule[];
  /** Equal for two jobs exactly when their rules are equivalent. */
  key: string;
  queue: string;
  /** Indexes into the agents the index was built from. */
  matching: number[];
  /** Only when nothing matches: the rules no agent of the job's queue satisfies (the queue rule itself when the queue has no agent). */
  unmetRules: string[];
  /** Only when nothing matches: the agents with the fewest unmet rules, nearest first. */
  closest: ClosestAgent[];
}

export interface AgentIndex {
  match(rules: readonly string[]): RuleSetMatch;
}

export interface AgentIndexOptions {
  defaultQueue?: string;
  /** How many closest agents to name. */
  closestLimit?: number;
}

export function createAgentIndex(agents: readonly TaggedAgent[], options: AgentIndexOptions = {}): AgentIndex {
  const defaultQueue = options.defaultQueue ?? DEFAULT_QUEUE;
  const closestLimit = options.closestLimit ?? 3;
  const tagsOf = agents.map((agent) => parseAgentTags(agent.tags, defaultQueue));
  const withKey = new Map<string, number[]>();
  const withValue = new Map<string, Map<string, number[]>>();
  tagsOf.forEach((tags, index) => {
    for (const [key, values] of tags) {
      push(withKey, key, index);
      const byValue = withValue.get(key) ?? new Map<string, number[]>();
      withValue.set(key, byValue);
      for (const value of values) push(byValue, value, index);
    }
  });
  const satisfying = (rule: AgentRule): readonly number[] =>
    (rule.anyValue ? withKey.get(rule.key) : withValue.get(rule.key)?.get(rule.value)) ?? [];

  function resolve(rules: AgentRule[], key: string): RuleSetMatch {
    const held = new Int32Array(agents.length);
    for (const rule of rules) for (const index of satisfying(rule)) held[index]! += 1;
    const matching: number[] = [];
    held.forEach((count, index) => {
      if (count === rules.length) matching.push(index);
    });
    const queue = ruleQueue(rules);
    if (matching.length > 0) return { rules, key, queue, matching, unmetRules: [], closest: [] };

    const queueRules = rules.filter((rule) => rule.key === QUEUE_TAG);
    const inQueue = new Uint8Array(agents.length);
    let queueSize = 0;
    tagsOf.forEach((tags, index) => {
      if (queueRules.every((rule) => ruleHolds(rule, tags))) {
        inQueue[index] = 1;
        queueSize += 1;
      }
    });
    const unmetRules =
      queueSize === 0
        ? queueRules.map((rule) => rule.text)
        : rules.filter((rule) => !satisfying(rule).some((index) => inQueue[index] === 1)).map((rule) => rule.text);
    const candidates = [...held.keys()].filter((index) => queueSize === 0 || inQueue[index] === 1);
    candidates.sort((a, b) => held[b]! - held[a]! || agents[a]!.name.localeCompare(agents[b]!.name));
    const closest = candidates.slice(0, closestLimit).map((index) => ({
      id: agents[index]!.id,
      name: agents[index]!.name,
      lacks: shortfalls(rules, tagsOf[index]!),
    }));
    return { rules, key, queue, matching, unmetRules, closest };
  }

  const byRaw = new Map<string, RuleSetMatch>();
  const byNormal = new Map<string, RuleSetMatch>();
  return {
    match(raw) {
      const rawKey = raw.join("\n");
      const known = byRaw.get(rawKey);
      if (known) return known;
      const rules = parseAgentRules(raw, defaultQueue);
      const key = rules.map((rule) => rule.text).join("\n");
      const result = byNormal.get(key) ?? resolve(rules, key);
      byNormal.set(key, result);
      byRaw.set(rawKey, result);
      return result;
    },
  };
}

function push<K>(map: Map<K, number[]>, key: K, index: number): void {
  const list = map.get(key);
  if (list) list.push(index);
  else map.set(key, [index]);
}

function shortfalls(rules: readonly AgentRule[], tags: ReadonlyMap<string, ReadonlySet<string>>): RuleShortfall[] {
  return rules
    .filter((rule) => !ruleHolds(rule, tags))
    .map((rule) => {
      const values = tags.get(rule.key);
      return values
        ? { rule: rule.text, reason: "different_value", agentValues: [...values].sort() }
        : { rule: rule.text, reason: "missing_tag", agentValues: [] };
    });
}
