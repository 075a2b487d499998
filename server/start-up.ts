import "server-only";
import { ConfigError, config, type Config } from "./config";
import { ConsoleError } from "./route-kit/console-error";
import { startRuntimeSampler } from "./history/runtime-sampler";
import { runtime } from "./runtime";
import { storePlacementFor } from "./store/store-placement";
import { store } from "./store/store";

/**
 * A bad configuration stops the server here with one message naming the variable, instead of failing on
 * the first request at 3 a.m. Then it connects (in demo mode: starts the simulator) before the first visitor.
 */
export async function startUp(): Promise<void> {
  let cfg: Config;
  try {
    cfg = config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`stack-console: ${error.message}`);
    process.exit(1);
    return;
  }
  // A live console whose embedded store would vanish with its instance (or cannot be written) stops here.
  const placement = await storePlacementFor(cfg);
  if (placement.kind === "refused") {
    console.error(`stack-console: ${placement.message}`);
    process.exit(1);
    return;
  }
  const started = await runtime();
  // Two consoles on one embedded database would corrupt it: the second one stops here.
  const held = await store().then(
    () => null,
    (error: unknown) => (error instanceof ConsoleError && error.code === "store_in_use" ? error : null),
  );
  if (held !== null) {
    console.error(`stack-console: ${held.cause instanceof Error ? held.cause.message : held.message}`);
    process.exit(1);
    return;
  }
  // A serverless host keeps no process between requests: there the history accrues only while queues are read.
  if (!cfg.serverless) startRuntimeSampler(started);
}
