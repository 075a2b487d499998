import { createSimulator, type Simulator, type SimulatorOptions } from "./create-simulator";
import { simulatorEndpoints, type SimulatorEndpoints } from "./endpoints";
import { serve } from "./http-server";

export interface RunningSimulator extends SimulatorEndpoints {
  simulator: Simulator;
  origin: string;
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
    ...simulatorEndpoints(simulator, served.origin),
    close: async () => {
      simulator.stop();
      await served.close();
    },
  };
}
