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

export interface ResolvedOptions {
  seed: number;
  activity: boolean;
  rateLimits: boolean;
  stackLimit: number;
  initialScheduledJobs: number;
  /** Tokens to accept instead of the seed's, for clients configured before the simulator starts. */
  tokens?: Partial<Tokens>;
}

/** Everything the routes share. `state` is replaced wholesale on reset, so routes read it per request. */
export class SimRuntime {
  readonly clock = new SimClock();
  readonly stats = new RequestStats();
  readonly faults = new FaultBook();
  readonly rateLimiter: RateLimiter;
  readonly restRateLimiter: RestRateLimiter;
  readonly tokens: Tokens;
  state: SimState;
  /** Draws for jobs created after seeding (control surface, activity). */
  random: Random;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly options: ResolvedOptions) {
    this.rateLimiter = new RateLimiter(options.rateLimits);
    this.restRateLimiter = new RestRateLimiter(options.rateLimits);
    const derived = deriveTokens(options.seed);
    this.tokens = {
      cluster: options.tokens?.cluster ?? derived.cluster,
      api: options.tokens?.api ?? derived.api,
      apiReadOnly: options.tokens?.apiReadOnly ?? derived.apiReadOnly,
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

  private seeded(): SimState {
    return seedState({
      seed: this.options.seed,
      initialScheduledJobs: this.options.initialScheduledJobs,
      startMs: this.clock.now(),
    });
  }
}
