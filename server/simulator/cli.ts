import { parseArgs } from "node:util";
import { startSimulator } from "./start-simulator";

function integerFlag(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  return value;
}

async function main(): Promise<void> {
  let options: { port: number; seed: number; host: string; activity: boolean };
  try {
    const { values } = parseArgs({
      options: {
        port: { type: "string" },
        seed: { type: "string" },
        host: { type: "string" },
        "no-activity": { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    });
    options = {
      port: integerFlag("port", values.port, 4010, 0, 65_535),
      seed: integerFlag("seed", values.seed, 42, 0, 2 ** 32 - 1),
      host: values.host ?? "127.0.0.1",
      activity: values["no-activity"] !== true,
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `simulator: ${reason} (usage: npm run simulator -- [--port 4010] [--seed 42] [--host 127.0.0.1] [--no-activity])`,
    );
    process.exit(2);
  }
  const running = await startSimulator(options);
  const { agentApiUrl, restApiUrl, clusterToken, apiToken, org, stackKey, queueKey } = running;
  // Exactly one line on stdout: callers parse it to find the simulator.
  process.stdout.write(
    `${JSON.stringify({ agentApiUrl, restApiUrl, clusterToken, apiToken, org, stackKey, queueKey })}\n`,
  );
  const shutdown = (): void => {
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

void main();
