import "server-only";
import { formatAge } from "@/lib/format";
import type { ClosestAgent } from "@/lib/triage/agent-index";
import { parseKeyValue } from "@/lib/triage/agent-rules";

// Explanations are pasted into incident channels: one sentence, concrete numbers and names.

export const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const age = (seconds: number) => formatAge(seconds);

/** "gpu=true", or for `gpu=*` "a gpu tag". */
export function ruleWanted(rule: string): string {
  const { key, value } = parseKeyValue(rule);
  return value === "*" || value === "" ? `a ${key} tag` : rule;
}

export function listed(items: readonly string[], limit = 3): string {
  const shown = items.slice(0, limit);
  const rest = items.length - shown.length;
  const head = rest > 0 ? [...shown, `${rest} more`] : shown;
  if (head.length <= 1) return head.join("");
  return `${head.slice(0, -1).join(", ")} and ${head[head.length - 1]}`;
}

/** "agent-7, has gpu=false", "agent-7, has no gpu tag": to follow "the closest, ". */
export function whatAgentLacks(agent: ClosestAgent): string {
  const parts = agent.lacks.map((lack) => {
    const { key } = parseKeyValue(lack.rule);
    return lack.reason === "missing_tag" ? `no ${key} tag` : `${key}=${lack.agentValues.join("|")}`;
  });
  return `${agent.name}, has ${listed(parts)}`;
}

/** "01:30 UTC": the explanation's readers sit in many time zones. */
export const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 16)} UTC`;

export const waited = (count: number) => (count === 1 ? "has waited" : "have waited");
