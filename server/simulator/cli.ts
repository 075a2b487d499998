import { parseArgs } from "node:util";
import { z } from "zod";
import { startSimulator } from "./start-simulator";

const USAGE =
  "npm run simulator -- [--port 4010] [--seed 42] [--host 127.0.0.1] [--no-activity] [--public-url http://simulator:4010] [--cluster-token T] [--api-token T]";

// In a container stack the console reaches the simulator by a service name, not the address it listens on,
// and is configured before the simulator prints anything: both sides are then given the same URL and tokens.
const publicUrlFlag = z
  .url({ protocol: /^https?$/, error: "an http:// or https:// origin" })
  .transform((value) => new URL(value))
  .refine((url) => url.pathname === "/" && !url.search && !url.hash, "an origin such as http://simulator:4010")
  .transform((url) => url.origin);
const tokenFlag = z.string().regex(/^\S{8,200}$/, "8 to 200 characters without spaces");

function flag<T>(name: string, schema: z.ZodType<T>, text: string | undefined): T | undefined {
  if (text === undefined) return undefined;
  const parsed = schema.safeParse(text);
  if (!parsed.success)
    throw new Error(`--${name} must be ${parsed.error.issues[0]?.message ?? "valid"}, got "${text}"`);
  return parsed.data;
}

function integerFlag(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max)
    throw new Error(`--${name} must be an integer from ${min} to ${max}, got "${text}"`);
  return value;
}

async function main(): Promise<void> {
  let options: Parameters<typeof startSimulator>[0];
  try {
    const { values } = parseArgs({
      options: {
        port: { type: "string" },
        seed: { type: "string" },
        host: { type: "string" },
        "no-activity": { type: "boolean" },
        "public-url": { type: "string" },
        "cluster-token": { type: "string" },
        "api-token": { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    });
    options = {
      port: integerFlag("port", values.port, 4010, 0, 65_535),
      seed: integerFlag("seed", values.seed, 42, 0, 2 ** 32 - 1),
      host: values.host ?? "127.0.0.1",
      activity: values["no-activity"] !== true,
      publicOrigin: flag("public-url", publicUrlFlag, values["public-url"]),
      tokens: {
        cluster: flag("cluster-token", tokenFlag, values["cluster-token"]),
        api: flag("api-token", tokenFlag, values["api-token"]),
      },
    };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`simulator: ${reason} (usage: ${USAGE})`);
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
