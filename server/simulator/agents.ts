import { agentTag, UNTAGGED_QUEUE } from "./agent-targeting";
import { DEFAULT_QUEUE_KEY } from "./catalog";
import type { Random } from "./random";

/** How Buildkite's agents list reports an agent's connection; a disconnected agent leaves the list. */
export type AgentConnection = "connected" | "lost" | "disconnected";

export interface SimAgent {
  uuid: string;
  name: string;
  hostname: string;
  ipAddress: string;
  version: string;
  /** Tags as the agent registered them: `queue=linux-large`, `os=linux`, … */
  tags: string[];
  connection: AgentConnection;
  createdAt: number;
  /** The job it was last given; it is busy while that job is assigned, accepted or running. */
  jobUuid: string | null;
}

const VERSION = "3.87.1";

/**
 * The agents at start-up: each queue's jobs have agents that satisfy them (the default queue's include
 * the names the seeded history ran on), and one default-queue agent has stopped answering.
 */
const SEEDED: readonly { name: string; tags: readonly string[]; connection: AgentConnection }[] = [
  {
    name: "i-0a1b2c3d-1",
    tags: [`queue=${DEFAULT_QUEUE_KEY}`, "os=linux", "arch=amd64", "docker=true"],
    connection: "connected",
  },
  {
    name: "i-0a1b2c3d-2",
    tags: [`queue=${DEFAULT_QUEUE_KEY}`, "os=linux", "arch=amd64", "docker=true"],
    connection: "connected",
  },
  { name: "ci-runner-7f9c", tags: [`queue=${DEFAULT_QUEUE_KEY}`, "os=linux", "arch=amd64"], connection: "connected" },
  { name: "ci-runner-8e2a", tags: [`queue=${DEFAULT_QUEUE_KEY}`, "os=linux", "arch=amd64"], connection: "lost" },
  {
    name: "large-amd64-1",
    tags: ["queue=linux-large", "os=linux", "arch=amd64", "docker=true"],
    connection: "connected",
  },
  { name: "large-arm64-1", tags: ["queue=linux-large", "os=linux", "arch=arm64"], connection: "connected" },
  { name: "mac-mini-04", tags: ["queue=macos", "os=macos", "arch=arm64", "xcode=16.2"], connection: "connected" },
];

export interface AgentSpec {
  name: string;
  tags: readonly string[];
  connection?: AgentConnection;
}

export function createAgent(random: Random, spec: AgentSpec, createdAt: number): SimAgent {
  return {
    uuid: random.uuid(),
    name: spec.name,
    hostname: `${spec.name}.ci.acme.internal`,
    ipAddress: `10.0.${random.int(0, 255)}.${random.int(1, 254)}`,
    version: VERSION,
    tags: [...spec.tags],
    connection: spec.connection ?? "connected",
    createdAt,
    jobUuid: null,
  };
}

export function seedAgents(random: Random, createdAt: number): SimAgent[] {
  return SEEDED.map((spec) => createAgent(random, spec, createdAt));
}

/** The queue an agent serves: its `queue=` tag, or without one the cluster's default queue. */
export function agentQueue(agent: SimAgent, untaggedQueue: string = UNTAGGED_QUEUE): string {
  const queue = agentTag(agent.tags, "queue");
  return queue === null || queue === "" ? untaggedQueue : queue;
}
