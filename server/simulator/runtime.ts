import { ACTIVITY_INTERVAL_MS, activityTick } from "./activity";
import { SimClock } from "./clock";
import { FaultBook } from "./faults";
import { createRandom, deriveSeed, type Random } from "./random";
import { RateLimiter } from "./rate-limit";
import { RequestStats } from "./request-stats";
import { RestRateLimiter } from "./rest-rate-limit";
import { seedState } from "./seed";
import type { SimState } from "./state";
import { deriveTokens, type Tokens } from "./tokens";
import { WebhookHub } from "./webhook-hub";
import { DEFAULT_WEBHOOK_DELIVERY, type WebhookDeliveryOptions } from "./webhook-receiver";

export interface ResolvedOptions {
  seed: number;
  activity: boolean;
  rateLimits: boolean;
  stackLimit: number;
  initialScheduledJobs: number;
  /** Tokens to accept instead of the seed's, for clients configured before the simulator starts. */
  tokens?: Partial<Tokens>;
  webhooks?: Partial<WebhookDeliveryOptions>;
}

/** Everything the routes share. `state` is replaced wholesale on reset, so routes read it per request. */
export class SimRuntime {
  readonly clock = new SimClock();
  readonly stats = new RequestStats();
  readonly faults = new FaultBook();
  readonly rateLimiter: RateLimiter;
  readonly restRateLimiter: RestRateLimiter;
  readonly tokens: Tokens;
  readonly webhooks: WebhookHub;
  /** Replaced on reset; `seeded()` connects each new state to the webhooks. */
  state: SimState;
  /** Draws for jobs created after seeding (control surface, activity). */
  random: Random;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly options: ResolvedOptions) {
    this.rateLimiter = new RateLimiter(options.rateLimits);
    this.restRateLimiter = new RestRateLimiter(options.rateLimits);
    this.webhooks = new WebhookHub(this.faults, { ...DEFAULT_WEBHOOK_DELIVERY, ...options.webhooks });
    const derived = deriveTokens(options.seed);
    this.tokens = {
      cluster: options.tokens?.cluster ?? derived.cluster,
      api: options.tokens?.api ?? derived.api,
      apiReadOnly: options.tokens?.apiReadOnly ?? derived.apiReadOnly,
      apiAgentsOnly: options.tokens?.apiAgentsOnly ?? derived.apiAgentsOnly,
    };
    this.state = this.seeded();
    this.random = createRandom(deriveSeed(options.seed, "live"));
    this.setActivity(options.activity);
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * Back to the seeded world. `liveStream` picks another stream for the jobs created afterwards: the seeded
   * world stays the same, but callers that share one console (whose ledger outlives this reset) never get
   * back a job id the console already holds records for.
   */
  reset(liveStream = ""): void {
    this.clock.reset();
    this.stats.reset();
    this.faults.clear();
    this.rateLimiter.reset();
    this.restRateLimiter.reset();
    this.webhooks.forgetDeliveries();
    this.state = this.seeded();
    this.random = createRandom(deriveSeed(this.options.seed, `live${liveStream}`));
  }

  get activity(): boolean {
    return this.timer !== null;
  }

  setActivity(on: boolean): void {
    if (on && this.timer === null) {
      this.timer = setInterval(() => activityTick(this.state, this.random, this.now()), ACTIVITY_INTERVAL_MS);
      // A forgotten simulator must never keep a test run or the app process alive.
      this.timer.unref();
    } else if (!on && this.timer !== null) {
      clearInterval(this.timer);
      this.timer = null;
    }
  }

  /** Nothing stays behind to deliver or retry once the simulator is stopped. */
  stop(): void {
    this.setActivity(false);
    this.webhooks.forgetDeliveries();
  }

  /** The seeded world, silent while it is built, then reporting every change to the webhooks. */
  private seeded(): SimState {
    const state = seedState({
      seed: this.options.seed,
      initialScheduledJobs: this.options.initialScheduledJobs,
      startMs: this.clock.now(),
    });
    state.eventSink = (event) => {
      // A webhook bug must never fail the state change (or the request) that caused the event.
      try {
        this.webhooks.publish(event, state);
      } catch (error) {
        console.error("[simulator] webhook event not published", error);
      }
    };
    return state;
  }
}
