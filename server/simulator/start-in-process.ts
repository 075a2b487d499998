import type { Dispatcher } from "undici";
import { createSimulator, type Simulator, type SimulatorOptions } from "./create-simulator";
import { simulatorEndpoints, type SimulatorEndpoints } from "./endpoints";
import { createInProcessDispatcher } from "./in-process-dispatcher";

export interface InProcessSimulator extends SimulatorEndpoints {
  simulator: Simulator;
  /** Hand this to the Buildkite clients: it answers their requests without any socket. */
  dispatcher: Dispatcher;
  /** Same as `simulator.registerWebhook`; deliveries still go over the network, to the receiver's URL. */
  registerWebhook: Simulator["registerWebhook"];
  close(): Promise<void>;
}

// A name under .invalid never resolves (RFC 2606): a request that somehow bypassed the dispatcher fails
// at once instead of reaching whatever host the name might otherwise mean.
const ORIGIN = "http://simulator.invalid";

/** The simulator behind an undici Dispatcher instead of a port, for hosts where nothing may listen. */
export function startInProcessSimulator(options: SimulatorOptions = {}): InProcessSimulator {
  const simulator = createSimulator(options);
  const dispatcher = createInProcessDispatcher(simulator.handle);
  simulator.setPublicOrigin(ORIGIN);
  return {
    simulator,
    dispatcher,
    registerWebhook: (registration) => simulator.registerWebhook(registration),
    ...simulatorEndpoints(simulator, ORIGIN),
    close: async () => {
      simulator.stop();
      await dispatcher.close();
    },
  };
}
