import { agentSatisfies } from "./agent-targeting";
import type { SimAgent } from "./agents";
import { DEFAULT_QUEUE_ALIASES, DEFAULT_QUEUE_KEY } from "./catalog";
import type { AnnotationRecord } from "./annotations";
import type { ArtifactRecord } from "./artifacts";
import type { ShowcaseIds } from "./fixtures";
import {
  TERMINAL_JOB_STATES,
  type Build,
  type SimCluster,
  type Job,
  type JobState,
  type Organization,
  type Pipeline,
  type Queue,
  type SimStack,
  type User,
} from "./model";
import { ScheduledIndex, type SortKey } from "./scheduled-index";
import { buildEventFor, jobEventFor, type SimEvent, type SimEventSink } from "./sim-events";

const BUSY_JOB_STATES: ReadonlySet<JobState> = new Set(["assigned", "accepted", "running"]);

/**
 * In-memory organisation plus the job state machine. Every state change goes through here so the
 * per-queue scheduled index and the reservation set always agree with `job.state`, and so every change is
 * reported to the event sink (webhooks) with none missed.
 */
export class SimState {
  readonly pipelines = new Map<string, Pipeline>();
  readonly builds = new Map<string, Build>();
  readonly jobs = new Map<string, Job>();
  readonly queues = new Map<string, Queue>();
  readonly stacks = new Map<string, SimStack>();
  /** Artifacts by id; each names its job and build. */
  readonly artifacts = new Map<string, ArtifactRecord>();
  /** Agents by uuid, in the order they connected; disconnected ones stay, out of the agents list. */
  readonly agents = new Map<string, SimAgent>();
  /** Annotations by build uuid, in creation order. */
  readonly annotations = new Map<string, AnnotationRecord[]>();
  /** The showcase jobs and builds tests and benchmarks ask `/__sim/fixtures` for; set by seeding. */
  fixtures: ShowcaseIds | null = null;
  /**
   * Told of job and build state changes. Events are held until the outermost change is complete, so a
   * finished job is reported with its exit status and finish time already set, whatever order a method
   * assigns them in; null (while seeding) records nothing.
   */
  eventSink: SimEventSink | null = null;
  private pendingEvents: SimEvent[] = [];
  private changeDepth = 0;
  private readonly scheduled = new Map<string, ScheduledIndex>();
  private readonly reserved = new Set<Job>();
  private seq = 0;

  constructor(
    readonly org: Organization,
    readonly cluster: SimCluster,
  ) {}

  nextSeq(): number {
    return this.seq++;
  }

  addQueue(queue: Queue): void {
    this.queues.set(queue.key, queue);
    this.scheduled.set(queue.key, new ScheduledIndex());
  }

  queue(key: string): Queue | undefined {
    return this.queues.get(DEFAULT_QUEUE_ALIASES.includes(key) ? DEFAULT_QUEUE_KEY : key);
  }

  addJob(job: Job): void {
    this.change(() => {
      this.jobs.set(job.uuid, job);
      this.enter(job);
      this.emitJob(job, job.state);
    });
  }

  /** A new build starts out scheduled; its jobs follow with addJob. */
  addBuild(build: Build): void {
    this.change(() => {
      this.builds.set(build.uuid, build);
      const name = buildEventFor(build.state);
      if (name !== null) this.emit({ kind: "build", name, build });
    });
  }

  /** Lazy expiry: called before every read so a reservation lapses exactly when simulated time passes it. */
  expireReservations(now: number): void {
    this.change(() => {
      for (const job of this.reserved) {
        if (job.reservation !== null && job.reservation.expiresAt <= now) this.transition(job, "scheduled");
      }
    });
  }

  scheduledCount(): number {
    let total = 0;
    for (const index of this.scheduled.values()) total += index.size;
    return total;
  }

  page(queue: Queue, after: SortKey | null, limit: number): { jobs: Job[]; hasNextPage: boolean } {
    return this.index(queue.key).page(after, limit);
  }

  /** Scheduled jobs may be taken; a job this stack already holds is extended; anything else is refused. */
  reserve(job: Job, stackKey: string, expiresAt: number): boolean {
    if (job.state === "reserved" && job.reservation?.stackKey === stackKey) {
      job.reservation.expiresAt = expiresAt;
      return true;
    }
    if (job.state !== "scheduled") return false;
    this.change(() => {
      this.transition(job, "reserved");
      job.reservation = { stackKey, expiresAt };
    });
    return true;
  }

  finishByStack(job: Job, stackKey: string, exitStatus: number, detail: string, now: number): void {
    this.change(() => {
      this.transition(job, "finished");
      job.exitStatus = exitStatus;
      job.finishedAt = now;
      job.finishedDetail = detail;
      job.finishedByStack = stackKey;
      this.refreshBuild(job, now);
    });
  }

  assign(job: Job, agentName: string, now: number): void {
    this.change(() => {
      this.transition(job, "assigned");
      job.agentName = agentName;
      this.refreshBuild(job, now);
    });
  }

  /** Gives `job` to `agent`, which stays busy until the job ends. */
  assignTo(job: Job, agent: SimAgent, now: number): void {
    this.assign(job, agent.name, now);
    agent.jobUuid = job.uuid;
  }

  /** The job an agent is busy with, or null when it is idle. */
  agentJob(agent: SimAgent): Job | null {
    const job = agent.jobUuid === null ? undefined : this.jobs.get(agent.jobUuid);
    return job !== undefined && BUSY_JOB_STATES.has(job.state) ? job : null;
  }

  /** The first connected, idle agent whose tags satisfy the job's agent query rules. */
  idleAgentFor(job: Job): SimAgent | undefined {
    for (const agent of this.agents.values()) {
      if (agent.connection !== "connected" || this.agentJob(agent) !== null) continue;
      if (agentSatisfies(agent.tags, job.agentQueryRules, job.queueKey, this.cluster.defaultQueueKey)) return agent;
    }
    return undefined;
  }

  connectAgent(agent: SimAgent): void {
    this.change(() => {
      this.agents.set(agent.uuid, agent);
      this.emit({ kind: "agent", name: "agent.connected", agent });
    });
  }

  /** An agent stops answering (lost) or signs off (disconnected); its job, if any, is left as it was. */
  dropAgent(agent: SimAgent, to: "lost" | "disconnected"): void {
    this.change(() => {
      agent.connection = to;
      this.emit({ kind: "agent", name: to === "lost" ? "agent.lost" : "agent.disconnected", agent });
    });
  }

  start(job: Job, now: number): void {
    this.change(() => {
      this.transition(job, "running");
      job.startedAt = now;
    });
  }

  complete(job: Job, exitStatus: number, now: number): void {
    this.change(() => {
      this.transition(job, "finished");
      job.exitStatus = exitStatus;
      job.finishedAt = now;
      this.refreshBuild(job, now);
    });
  }

  countByState(): Partial<Record<JobState, number>> {
    const counts: Partial<Record<JobState, number>> = {
      scheduled: 0,
      reserved: 0,
      assigned: 0,
      running: 0,
      finished: 0,
    };
    for (const job of this.jobs.values()) counts[job.state] = (counts[job.state] ?? 0) + 1;
    return counts;
  }

  /**
   * A retry: `fresh` (built by the caller from `old`) joins the build right after the job it replaces and
   * the queue's scheduled list, and the build runs again.
   */
  retry(old: Job, fresh: Job): void {
    this.change(() => {
      old.retried = true;
      old.retriedInJobId = fresh.uuid;
      const build = this.builds.get(old.buildUuid);
      if (build !== undefined) {
        build.jobIds.splice(build.jobIds.indexOf(old.uuid) + 1, 0, fresh.uuid);
        build.finishedAt = null;
        this.setBuildState(build, "running");
      }
      this.addJob(fresh);
    });
  }

  /** A block step lets its build continue: the jobs after it are scheduled (up to the next gate). */
  unblock(job: Job, by: User, now: number): void {
    this.change(() => {
      this.transition(job, "unblocked");
      job.unblockedBy = by;
      job.unblockedAt = now;
      const build = this.builds.get(job.buildUuid);
      if (build === undefined) return;
      build.blocked = false;
      build.finishedAt = null;
      this.setBuildState(build, "running");
      this.refresh(build, now);
    });
  }

  /** Cancels every job of the build that has not ended; scheduled and reserved ones leave their lists. */
  cancelBuild(build: Build, now: number): void {
    this.change(() => {
      for (const job of this.latestJobs(build)) {
        if (isDone(job)) continue;
        const started = job.startedAt !== null;
        this.transition(job, "canceled");
        if (started) {
          job.finishedAt = now;
          job.exitStatus = -1;
        }
      }
      build.blocked = false;
      build.finishedAt = now;
      this.setBuildState(build, "canceled");
    });
  }

  /**
   * The build ends as `to` while its jobs stay where they are. Buildkite shows this when a build was canceled
   * or finished while a stack still held some of its jobs: they stay in the scheduled list until the stack
   * finishes them (Stacks API: a stack learns of the cancel from the job states it asks for).
   */
  endBuildLeavingJobs(build: Build, to: "passed" | "failed" | "canceled", now: number): void {
    this.change(() => {
      build.blocked = false;
      build.finishedAt = now;
      this.setBuildState(build, to);
    });
  }

  /** The oldest scheduled job of an unpaused queue whose rules the agent satisfies, as an agent asking for work gets. */
  oldestJobFor(agent: SimAgent): Job | undefined {
    let oldest: Job | undefined;
    for (const queue of this.queues.values()) {
      if (queue.paused) continue;
      const job = this.index(queue.key)
        .page(null, Number.MAX_SAFE_INTEGER)
        .jobs.find((candidate) =>
          agentSatisfies(agent.tags, candidate.agentQueryRules, candidate.queueKey, this.cluster.defaultQueueKey),
        );
      if (job !== undefined && (oldest === undefined || job.scheduledAt < oldest.scheduledAt)) oldest = job;
    }
    return oldest;
  }

  /**
   * After jobs change: runs the build's gates (waiters, block steps) and settles its state. A build with a
   * failed job and work still to do is `failing`, as on Buildkite, until the rest ends. A canceled build
   * stays canceled whatever its remaining jobs do: a stack finishing them must not revive it.
   */
  refresh(build: Build, now: number): void {
    if (build.state === "canceled") return;
    this.change(() => {
      const jobs = this.latestJobs(build);
      if (this.advance(build, jobs, now) === "blocked") return;
      if (jobs.every(isDone)) {
        build.finishedAt = now;
        this.setBuildState(build, jobs.every(jobSucceeded) ? "passed" : "failed");
      } else if (jobs.some((j) => isDone(j) && !jobSucceeded(j))) {
        build.startedAt ??= now;
        this.setBuildState(build, "failing");
      } else if (
        build.state === "scheduled" &&
        jobs.some((j) => !["scheduled", "reserved", "waiting", "blocked"].includes(j.state))
      ) {
        build.startedAt = now;
        this.setBuildState(build, "running");
      }
    });
  }

  /** A retried job was replaced by its retry: only the latest attempt of each job counts. */
  private latestJobs(build: Build): Job[] {
    return build.jobIds.map((id) => this.jobs.get(id)).filter((j): j is Job => j !== undefined && !j.retried);
  }

  /**
   * A tiny pipeline engine: waiting jobs before the first open gate are scheduled; a waiter opens once
   * everything before it passed; a block step stops the build (blocked, passed so far) until unblocked;
   * after a failure, jobs behind the gate never run.
   */
  private advance(build: Build, jobs: Job[], now: number): "blocked" | "open" {
    for (let i = 0; i < jobs.length; i++) {
      const job = jobs[i];
      if (job === undefined) continue;
      if (job.type === "waiter" || job.type === "manual") {
        if (job.state === "finished" || job.state === "unblocked") continue;
        const earlier = jobs.slice(0, i);
        if (!earlier.every(isDone)) return "open";
        if (!earlier.every(jobSucceeded)) {
          for (const later of jobs.slice(i)) if (!isDone(later)) this.transition(later, "waiting_failed");
          return "open";
        }
        if (job.type === "waiter") {
          this.transition(job, "finished");
          job.finishedAt = now;
          continue;
        }
        if (job.state !== "blocked") this.transition(job, "blocked");
        build.blocked = true;
        build.finishedAt ??= now;
        this.setBuildState(build, "passed");
        return "blocked";
      }
      if (job.state !== "waiting") continue;
      if (job.type === "trigger") {
        this.transition(job, "finished");
        job.finishedAt = now;
      } else {
        // Set before entering the scheduled list, which is ordered by it.
        job.scheduledAt = now;
        job.runnableAt = now;
        this.transition(job, "scheduled");
      }
    }
    return "open";
  }

  /** Keeps a long-running demo's memory flat: the oldest finished builds (and their jobs) are forgotten. */
  pruneFinishedBuilds(keep: number): void {
    const finished = [...this.builds.values()].filter((build) => build.finishedAt !== null && !build.pinned);
    for (const build of finished.slice(0, Math.max(0, finished.length - keep))) {
      for (const id of build.jobIds) this.jobs.delete(id);
      this.builds.delete(build.uuid);
    }
  }

  private transition(job: Job, to: JobState): void {
    this.leave(job);
    job.state = to;
    this.enter(job);
    this.emitJob(job, to);
  }

  private setBuildState(build: Build, to: Build["state"]): void {
    if (build.state === to) return;
    build.state = to;
    const name = buildEventFor(to);
    if (name !== null) this.emit({ kind: "build", name, build });
  }

  private emitJob(job: Job, state: JobState): void {
    const name = jobEventFor(job, state);
    if (name !== null) this.emit({ kind: "job", name, job });
  }

  private emit(event: SimEvent): void {
    if (this.eventSink !== null) this.pendingEvents.push(event);
  }

  /**
   * Runs one public change; the outermost one hands the events it gathered to the sink once every field is
   * set. Public methods call each other (retry adds a job, a finish refreshes the build), hence the depth.
   */
  private change(apply: () => void): void {
    this.changeDepth++;
    try {
      apply();
    } finally {
      this.changeDepth--;
      if (this.changeDepth === 0 && this.pendingEvents.length > 0) {
        const events = this.pendingEvents;
        this.pendingEvents = [];
        for (const event of events) this.eventSink?.(event);
      }
    }
  }

  private enter(job: Job): void {
    if (job.state === "scheduled") this.index(job.queueKey).insert(job);
    if (job.state === "reserved") this.reserved.add(job);
  }

  private leave(job: Job): void {
    if (job.state === "scheduled") this.index(job.queueKey).remove(job);
    if (job.state === "reserved") this.reserved.delete(job);
    job.reservation = null;
  }

  private index(queueKey: string): ScheduledIndex {
    const index = this.scheduled.get(queueKey);
    if (index === undefined) throw new Error(`job on unknown queue ${queueKey}`);
    return index;
  }

  private refreshBuild(job: Job, now: number): void {
    const build = this.builds.get(job.buildUuid);
    if (build !== undefined) this.refresh(build, now);
  }
}

/** Ended, for the build's purposes: an unblocked block step is done with. */
function isDone(job: Job): boolean {
  return TERMINAL_JOB_STATES.has(job.state) || job.state === "unblocked";
}

/** Soft failures and finished waiters, triggers and block steps do not fail a build. */
function jobSucceeded(job: Job): boolean {
  if (job.softFailed || job.state === "unblocked") return true;
  return job.state === "finished" && (job.type !== "script" || job.exitStatus === 0);
}
