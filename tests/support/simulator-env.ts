import type { RunningSimulator } from "@/server/simulator";

/** The environment that points a console at a simulator, as a deployment would point it at Buildkite. */
export function simulatorEnv(
  sim: Pick<
    RunningSimulator,
    "clusterToken" | "agentApiUrl" | "apiToken" | "restApiUrl" | "org" | "stackKey" | "queueKey"
  >,
) {
  return {
    BUILDKITE_CLUSTER_TOKEN: sim.clusterToken,
    BUILDKITE_AGENT_API_URL: sim.agentApiUrl,
    BUILDKITE_API_TOKEN: sim.apiToken,
    BUILDKITE_REST_API_URL: sim.restApiUrl,
    BUILDKITE_ORG: sim.org,
    STACK_KEY: sim.stackKey,
    QUEUE_KEY: sim.queueKey,
  };
}
