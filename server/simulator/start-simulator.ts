import { createSimulator, type Simulator, type SimulatorOptions } from "./create-simulator";
import { serve } from "./http-server";

export interface RunningSimulator {
  simulator: Simulator;
  origin: string;
  agentApiUrl: string;
  restApiUrl: string;
  clusterToken: string;
  apiToken: string;
  apiReadOnlyToken: string;
  org: string;
  stackKey: string;
  queueKey: string;
  close(): Promise<void>;
}

export async function startSimulator(
  options: SimulatorOptions & { port?: number; host?: string; publicOrigin?: string } = {},
): Promise<RunningSimulator> {
  const simulator = createSimulator(options);
  const served = await serve(simulator.handle, {
    host: options.host ?? "127.0.0.1",
    port: options.port ?? 0,
    publicOrigin: options.publicOrigin,
  });
  return {
    simulator,
    origin: served.origin,
    agentApiUrl: `${served.origin}/v3`,
    restApiUrl: `${served.origin}/v2`,
    clusterToken: simulator.tokens.cluster,
    apiToken: simulator.tokens.api,
    apiReadOnlyToken: simulator.tokens.apiReadOnly,
    org: simulator.org,
    stackKey: simulator.stackKey,
    queueKey: simulator.queueKey,
    close: async () => {
      simulator.stop();
      await served.close();
    },
  };
}
