import { createSimulator, type Simulator, type SimulatorOptions } from "./create-simulator";
import { simulatorEndpoints, type SimulatorEndpoints } from "./endpoints";
import { serve } from "./http-server";

export interface RunningSimulator extends SimulatorEndpoints {
  simulator: Simulator;
  origin: string;
  /** Same as `simulator.registerWebhook`: the console registers its own webhook URL this way in demo mode. */
  registerWebhook: Simulator["registerWebhook"];
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
  simulator.setPublicOrigin(served.origin);
  return {
    simulator,
    origin: served.origin,
    registerWebhook: (registration) => simulator.registerWebhook(registration),
    ...simulatorEndpoints(simulator, served.origin),
    close: async () => {
      simulator.stop();
      await served.close();
    },
  };
}
