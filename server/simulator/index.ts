export { createSimulator, type Simulator, type SimulatorOptions } from "./create-simulator";
export { SimulatedConnectionReset } from "./http-errors";
export { startSimulator, type RunningSimulator } from "./start-simulator";
