import type { Simulator } from "./create-simulator";

/** What a console needs to talk to a simulator, however it is reached: its APIs, tokens and names. */
export interface SimulatorEndpoints {
  agentApiUrl: string;
  restApiUrl: string;
  clusterToken: string;
  apiToken: string;
  apiReadOnlyToken: string;
  org: string;
  stackKey: string;
  queueKey: string;
}

export function simulatorEndpoints(simulator: Simulator, origin: string): SimulatorEndpoints {
  return {
    agentApiUrl: `${origin}/v3`,
    restApiUrl: `${origin}/v2`,
    clusterToken: simulator.tokens.cluster,
    apiToken: simulator.tokens.api,
    apiReadOnlyToken: simulator.tokens.apiReadOnly,
    org: simulator.org,
    stackKey: simulator.stackKey,
    queueKey: simulator.queueKey,
  };
}
