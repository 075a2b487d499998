import "server-only";
import { ConfigError, config } from "./config";
import { runtime } from "./runtime";

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
}
