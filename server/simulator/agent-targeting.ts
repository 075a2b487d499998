// Buildkite's agent targeting, as the simulator applies it when an agent looks for work. The console has
// its own matcher; this one is the simulator's, so a misreading of the rules cannot hide in both.

/**
 * The queue an agent without a `queue=` tag serves, and a job without a `queue=` rule targets, when no
 * cluster says otherwise: the name Buildkite gives the default queue it creates.
 */
export const UNTAGGED_QUEUE = "default";

function split(entry: string): { key: string; value: string | null } {
  const at = entry.indexOf("=");
  return at < 0 ? { key: entry, value: null } : { key: entry.slice(0, at), value: entry.slice(at + 1) };
}

/** The value of an agent's first tag named `key`, or null when it has none. */
export function agentTag(tags: readonly string[], key: string): string | null {
  for (const tag of tags) {
    const { key: name, value } = split(tag);
    if (name === key) return value ?? "";
  }
  return null;
}

/**
 * Whether an agent with `tags` may run a job with `rules`: every rule must hold. `key=value` needs that exact
 * value; `key=*`, `key=` or a bare `key` need only the tag; a value such as `1.9*` is compared as written.
 * The `queue` tag isolates agents: a job without a queue rule runs only on agents of `defaultQueue`, and an
 * agent without a queue tag serves `untaggedQueue` (the cluster's default queue).
 */
export function agentSatisfies(
  tags: readonly string[],
  rules: readonly string[],
  defaultQueue: string,
  untaggedQueue: string = UNTAGGED_QUEUE,
): boolean {
  const targeted = rules.filter((rule) => rule !== "*");
  const queueRule = targeted.some((rule) => split(rule).key === "queue") ? [] : [`queue=${defaultQueue}`];
  return [...targeted, ...queueRule].every((rule) => {
    const { key, value } = split(rule);
    const have = key === "queue" ? (agentTag(tags, key) ?? untaggedQueue) : agentTag(tags, key);
    if (have === null) return false;
    return value === null || value === "" || value === "*" || have === value;
  });
}
