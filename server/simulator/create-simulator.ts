import { DEFAULT_QUEUE_KEY, ORG_SLUG, PRE_REGISTERED_STACK_KEY } from "./catalog";
import { controlRoutes } from "./control-routes";
import { createHandler, type ClientInfo } from "./handler";
import { restArtifactRoutes } from "./rest-artifact-routes";
import { restBuildRoutes } from "./rest-build-routes";
import { restLogRoutes } from "./rest-log-routes";
import { restRoutes } from "./rest-routes";
import { SimRuntime } from "./runtime";
import { stacksRoutes } from "./stacks-routes";
import type { Tokens } from "./tokens";

export interface SimulatorOptions {
  /** Default 42; all generated data is a deterministic function of the seed. */
  seed?: number;
  /** Background life (jobs arrive, run, builds finish). Default false. */
  activity?: boolean;
  /** Default true. */
  rateLimits?: boolean;
  /** Max registered stacks per org (403 past it). Default 10. */
  stackLimit?: number;
  /** Scheduled jobs on the default queue at seed time. Default 40 (a few more land on other queues). */
  initialScheduledJobs?: number;
  /** Tokens to accept instead of the ones derived from the seed (a container stack sets both sides). */
  tokens?: Partial<Tokens>;
}

export interface Simulator {
  handle(request: Request, info?: ClientInfo): Promise<Response>;
  readonly tokens: Tokens;
  readonly org: string;
  readonly stackKey: string;
  readonly queueKey: string;
  setActivity(on: boolean): void;
  stop(): void;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const runtime = new SimRuntime({
    seed: options.seed ?? 42,
    activity: options.activity ?? false,
    rateLimits: options.rateLimits ?? true,
    stackLimit: options.stackLimit ?? 10,
    initialScheduledJobs: options.initialScheduledJobs ?? 40,
    tokens: options.tokens,
  });
  const handle = createHandler(
    runtime,
    [
      ...stacksRoutes(runtime),
      ...restRoutes(runtime),
      ...restBuildRoutes(runtime),
      ...restLogRoutes(runtime),
      ...restArtifactRoutes(runtime),
    ],
    controlRoutes(runtime),
  );
  return {
    handle,
    tokens: runtime.tokens,
    org: ORG_SLUG,
    stackKey: PRE_REGISTERED_STACK_KEY,
    queueKey: DEFAULT_QUEUE_KEY,
    setActivity: (on) => runtime.setActivity(on),
    stop: () => runtime.setActivity(false),
  };
}
