import { expect, test } from "vitest";
import { AGENT_EVENTS_KEPT, createAgentEventLog } from "@/server/webhooks/agent-events";

test("keeps the agent's id, name, state and tags with when the event came", () => {
  const log = createAgentEventLog();
  log.record(
    "agent.lost",
    { id: "a1", name: "agent-1", connection_state: "lost", meta_data: ["queue=linux"] },
    new Date("2026-12-06T10:00:00Z"),
  );
  log.record("agent.connected", undefined, new Date("2026-12-06T10:00:01Z"));
  expect(log.recent()).toEqual([
    {
      event: "agent.lost",
      agent: { id: "a1", name: "agent-1", connectionState: "lost", metaData: ["queue=linux"] },
      receivedAt: "2026-12-06T10:00:00.000Z",
    },
    {
      event: "agent.connected",
      agent: { id: null, name: null, connectionState: null, metaData: null },
      receivedAt: "2026-12-06T10:00:01.000Z",
    },
  ]);
});

test(`keeps the last ${AGENT_EVENTS_KEPT}, oldest first`, () => {
  const log = createAgentEventLog();
  for (let i = 0; i < AGENT_EVENTS_KEPT + 5; i++) log.record("agent.connected", { id: `a${i}` }, new Date(i));
  const kept = log.recent();
  expect(kept).toHaveLength(AGENT_EVENTS_KEPT);
  expect(kept[0]?.agent.id).toBe("a5");
  expect(kept.at(-1)?.agent.id).toBe(`a${AGENT_EVENTS_KEPT + 4}`);
});
