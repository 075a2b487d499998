import "server-only";
import { ConfigError, config } from "./config";
import { ConsoleError } from "./route-kit/console-error";
import { runtime } from "./runtime";
import { store } from "./store/store";

/**
 * A bad configuration stops the server here with one message naming the variable, instead of failing on
 * the first request at 3 a.m. Then it connects (in demo mode: starts the simulator) before the first visitor.
 */
export async function startUp(): Promise<void> {
  try {
    config();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`stack-console: ${error.message}`);
    process.exit(1);
  }
  await runtime();
  // Two consoles on one embedded database would corrupt it: the second one stops here.
  const held = await store().then(
    () => null,
    (error: unknown) => (error instanceof ConsoleError && error.code === "store_in_use" ? error : null),
  );
  if (held !== null) {
    console.error(`stack-console: ${held.cause instanceof Error ? held.cause.message : held.message}`);
    process.exit(1);
  }
}
