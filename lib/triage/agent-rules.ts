// Buildkite's agent targeting, as its docs describe it: a job's agent query rules are `key=value` strings and
// an agent's tags (its meta-data) are too; the job may run on an agent when every rule holds. `key=*` and
// `key=` ask only that the agent has the tag. Buildkite has no partial wildcards, so `key=1.9*` asks for the
// literal value `1.9*`. The `queue` tag isolates agents: a job without a queue rule targets the default
// queue, and an agent without a queue tag serves the default queue.

export const QUEUE_TAG = "queue";
export const DEFAULT_QUEUE = "default";

export interface KeyValue {
  key: string;
  value: string;
}

export interface AgentRule extends KeyValue {
  /** The rule as written (after the default queue was added), for naming it to an engineer. */
  text: string;
  /** `key=*` or `key=`: any agent with the tag, whatever its value. */
  anyValue: boolean;
}

/**
 * Splits at the first `=`, so values may hold `=` themselves. A string without `=` is a bare key; as a rule
 * it then asks only for the tag, as `key=` does.
 */
export function parseKeyValue(text: string): KeyValue {
  const at = text.indexOf("=");
  return at < 0 ? { key: text.trim(), value: "" } : { key: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

/** A job's rules with the default queue made explicit, sorted and de-duplicated so equal sets compare equal. */
export function parseAgentRules(rules: readonly string[], defaultQueue = DEFAULT_QUEUE): AgentRule[] {
  const parsed = new Map<string, AgentRule>();
  for (const text of rules) {
    const { key, value } = parseKeyValue(text);
    const anyValue = value === "" || value === "*";
    const normal = `${key}=${anyValue ? "*" : value}`;
    parsed.set(normal, { key, value, anyValue, text: anyValue ? `${key}=*` : normal });
  }
  if (![...parsed.values()].some((rule) => rule.key === QUEUE_TAG)) {
    const text = `${QUEUE_TAG}=${defaultQueue}`;
    parsed.set(text, { key: QUEUE_TAG, value: defaultQueue, anyValue: false, text });
  }
  return [...parsed.values()].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

/** An agent's tags by key (a key may carry several values), with the default queue made explicit. */
export function parseAgentTags(tags: readonly string[], defaultQueue = DEFAULT_QUEUE): Map<string, Set<string>> {
  const byKey = new Map<string, Set<string>>();
  for (const text of tags) {
    const { key, value } = parseKeyValue(text);
    const values = byKey.get(key) ?? new Set<string>();
    values.add(value);
    byKey.set(key, values);
  }
  if (!byKey.has(QUEUE_TAG)) byKey.set(QUEUE_TAG, new Set([defaultQueue]));
  return byKey;
}

export function ruleHolds(rule: AgentRule, tags: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const values = tags.get(rule.key);
  return values !== undefined && (rule.anyValue || values.has(rule.value));
}

/** The queue a job targets: its queue rule's value, or the default queue. */
export function ruleQueue(rules: readonly AgentRule[]): string {
  return rules.find((rule) => rule.key === QUEUE_TAG && !rule.anyValue)?.value ?? "any queue";
}

/** One job against one agent, straight from the strings: the reference the indexed matcher must agree with. */
export function agentMatches(rules: readonly string[], tags: readonly string[], defaultQueue = DEFAULT_QUEUE): boolean {
  const agentTags = parseAgentTags(tags, defaultQueue);
  return parseAgentRules(rules, defaultQueue).every((rule) => ruleHolds(rule, agentTags));
}
