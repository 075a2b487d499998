import { DEFAULT_QUEUE_KEY, ORG_SLUG, PRE_REGISTERED_STACK_KEY } from "./catalog";
import { controlRoutes } from "./control-routes";
import { createHandler, type ClientInfo } from "./handler";
import { restAgentRoutes } from "./rest-agent-routes";
import { restArtifactRoutes } from "./rest-artifact-routes";
import { restBuildRoutes } from "./rest-build-routes";
import { restLogRoutes } from "./rest-log-routes";
import { restRoutes } from "./rest-routes";
import { SimRuntime } from "./runtime";
import { stacksRoutes } from "./stacks-routes";
import type { Tokens } from "./tokens";
import { describeIssues } from "./http-errors";
import {
  InvalidWebhookRegistration,
  webhookRegistrationSchema,
  type WebhookRegistration,
} from "./webhook-control-routes";
import type { WebhookDeliveryOptions } from "./webhook-receiver";

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
  /** Webhook delivery: retry waits (default 200 ms, 1 s, 3 s), per-attempt timeout, queue limit per receiver. */
  webhooks?: Partial<WebhookDeliveryOptions>;
}

export interface Simulator {
  handle(request: Request, info?: ClientInfo): Promise<Response>;
  readonly tokens: Tokens;
  readonly org: string;
  readonly stackKey: string;
  readonly queueKey: string;
  setActivity(on: boolean): void;
  /**
   * Sends Buildkite-style webhooks for the chosen events to `url`, as `POST /__sim/webhooks` does.
   * Throws InvalidWebhookRegistration, naming the field, for what that route would refuse.
   */
  registerWebhook(registration: WebhookRegistration): { id: string };
  /** The origin clients reach the simulator by: the URLs inside webhook payloads point there. */
  setPublicOrigin(origin: string): void;
  /** Stops the background activity and abandons pending webhook deliveries. */
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
    webhooks: options.webhooks,
  });
  const handle = createHandler(
    runtime,
    [
      ...stacksRoutes(runtime),
      ...restRoutes(runtime),
      ...restBuildRoutes(runtime),
      ...restLogRoutes(runtime),
      ...restArtifactRoutes(runtime),
      ...restAgentRoutes(runtime),
    ],
    controlRoutes(runtime),
  );
  const registerWebhook = (registration: WebhookRegistration): { id: string } => {
    const parsed = webhookRegistrationSchema.safeParse(registration);
    if (!parsed.success) throw new InvalidWebhookRegistration(describeIssues(parsed.error));
    return runtime.webhooks.register(parsed.data);
  };
  return {
    handle,
    tokens: runtime.tokens,
    org: ORG_SLUG,
    stackKey: PRE_REGISTERED_STACK_KEY,
    queueKey: DEFAULT_QUEUE_KEY,
    setActivity: (on) => runtime.setActivity(on),
    registerWebhook,
    setPublicOrigin: (origin) => runtime.webhooks.setPublicOrigin(origin),
    stop: () => runtime.stop(),
  };
}
