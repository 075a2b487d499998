export { createSimulator, type Simulator, type SimulatorOptions } from "./create-simulator";
export { SimulatedConnectionReset } from "./http-errors";
export { startSimulator, type RunningSimulator } from "./start-simulator";
export { createInProcessDispatcher } from "./in-process-dispatcher";
export { startInProcessSimulator, type InProcessSimulator } from "./start-in-process";
export { InvalidWebhookRegistration, type WebhookRegistration } from "./webhook-control-routes";
export type { WebhookDeliveryOptions } from "./webhook-receiver";
