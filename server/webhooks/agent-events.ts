import "server-only";
import type { DeliveredAgent } from "./delivery-schema";

// The latest agent.* deliveries, kept for triage (which agents dropped off, and when). Per instance and in
// memory: each instance holds what reached it, and a restart forgets. Agent state proper is read from
// the REST API; this only remembers what Buildkite said happened, which the REST API does not keep.

export const AGENT_EVENTS_KEPT = 200;

export interface AgentEvent {
  event: string;
  agent: {
    id: string | null;
    name: string | null;
    connectionState: string | null;
    metaData: string[] | null;
  };
  receivedAt: string;
}

export function createAgentEventLog(capacity = AGENT_EVENTS_KEPT) {
  const ring: AgentEvent[] = [];
  let next = 0;
  return {
    record(event: string, agent: DeliveredAgent | undefined, receivedAt: Date): void {
      const entry: AgentEvent = {
        event,
        agent: {
          id: agent?.id ?? null,
          name: agent?.name ?? null,
          connectionState: agent?.connection_state ?? null,
          metaData: agent?.meta_data ?? null,
        },
        receivedAt: receivedAt.toISOString(),
      };
      if (ring.length < capacity) ring.push(entry);
      else ring[next] = entry;
      next = (next + 1) % capacity;
    },
    /** Oldest first. */
    recent(): AgentEvent[] {
      return ring.length < capacity ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)];
    },
  };
}

export type AgentEventLog = ReturnType<typeof createAgentEventLog>;

// On globalThis like the runtime: Next's separately bundled routes must record into the same log.
const holder = globalThis as typeof globalThis & { __stackConsoleAgentEvents?: AgentEventLog };

export function agentEvents(): AgentEventLog {
  holder.__stackConsoleAgentEvents ??= createAgentEventLog();
  return holder.__stackConsoleAgentEvents;
}
