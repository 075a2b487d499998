import { AGENT_NAMES, DEFAULT_QUEUE_KEY, ORG_SLUG, PIPELINES, PRE_REGISTERED_STACK_KEY } from "./catalog";
import { seedAgents } from "./agents";
import { createJob } from "./job-factory";
import { seedRestHistory } from "./rest-history";
import type { Job, JobState, PausedField } from "./model";
import { createRandom, deriveSeed, type Random } from "./random";
import { choosePipeline, newBuild, scheduleJobs } from "./schedule-jobs";
import { SimState } from "./state";

export interface SeedOptions {
  seed: number;
  initialScheduledJobs: number;
  startMs: number;
}

const MINUTE = 60_000;
const OTHER_QUEUES: readonly { key: string; scheduledJobs: number }[] = [
  { key: "linux-large", scheduledJobs: 4 },
  { key: "macos", scheduledJobs: 2 },
];

/**
 * The scheduled-jobs list spells `cluster_queue`'s pause flag as the official Go client reads it
 * (`paused`) for these queues, and as the docs do (`dispatch_paused`) for every other, whatever the seed.
 */
const GO_CLIENT_SPELLING_QUEUES: ReadonlySet<string> = new Set(["linux-large"]);

const QUEUE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  [DEFAULT_QUEUE_KEY]: "General Linux agents",
  "linux-large": "Large Linux agents for heavy builds",
  macos: "Mac minis for iOS builds",
};

/** The organisation at start-up. Only times depend on `startMs`; everything else follows from the seed. */
export function seedState(options: SeedOptions): SimState {
  const random = createRandom(deriveSeed(options.seed, "world"));
  // Its own stream: drawing the cluster's id from "world" would shift every job id of every seed.
  const clusterRandom = createRandom(deriveSeed(options.seed, "cluster"));
  const createdAt = options.startMs - 90 * 24 * 60 * MINUTE;
  const cluster = {
    id: clusterRandom.uuid(),
    name: "Default cluster",
    description: "Acme's CI agents",
    defaultQueueKey: DEFAULT_QUEUE_KEY,
    createdAt,
  };
  const state = new SimState({ slug: ORG_SLUG, uuid: random.uuid() }, cluster);
  for (const key of [DEFAULT_QUEUE_KEY, ...OTHER_QUEUES.map((queue) => queue.key)]) {
    const description = QUEUE_DESCRIPTIONS[key] ?? null;
    const pausedField: PausedField = GO_CLIENT_SPELLING_QUEUES.has(key) ? "paused" : "dispatch_paused";
    state.addQueue({
      id: random.uuid(),
      key,
      description,
      createdAt,
      pausedField,
      paused: false,
      pauseNote: null,
      pausedBy: null,
      pausedAt: null,
    });
  }
  for (const template of PIPELINES) {
    const pipeline = {
      uuid: random.uuid(),
      slug: template.slug,
      name: template.name,
      repository: template.repository,
      defaultBranch: "main",
    };
    state.pipelines.set(pipeline.slug, pipeline);
  }
  state.stacks.set(PRE_REGISTERED_STACK_KEY, {
    id: random.uuid(),
    key: PRE_REGISTERED_STACK_KEY,
    type: "custom",
    queueKey: DEFAULT_QUEUE_KEY,
    metadata: { version: "0.1.0" },
    lastConnectedOn: null,
  });
  seedHistory(state, random, options.startMs);
  seedScheduled(state, random, DEFAULT_QUEUE_KEY, options.initialScheduledJobs, options.startMs);
  for (const queue of OTHER_QUEUES) seedScheduled(state, random, queue.key, queue.scheduledJobs, options.startMs);
  // Last, and from its own stream, so the jobs above keep their ids whatever the history holds.
  const showcase = seedRestHistory(state, createRandom(deriveSeed(options.seed, "rest-history")), options.startMs);
  renumberBuilds(state);
  // After everything else and from their own streams, so every job and build above keeps its id and number.
  seedAgentsAndTheirJobs(state, createRandom(deriveSeed(options.seed, "agents")), createdAt);
  seedUnmatchedJobs(state, createRandom(deriveSeed(options.seed, "unmatched")), options.startMs);
  const defaultQueue = state.queue(DEFAULT_QUEUE_KEY);
  const [waiting] = defaultQueue === undefined ? [] : state.page(defaultQueue, null, 1).jobs;
  state.fixtures = { ...showcase, jobs: { ...showcase.jobs, scheduledJob: waiting?.uuid ?? "" } };
  return state;
}

/** Rules no seeded agent satisfies: the jobs that wait for an agent that never comes. */
const UNMATCHED_RULES: readonly (readonly string[])[] = [
  [`queue=${DEFAULT_QUEUE_KEY}`, "os=windows"],
  [`queue=${DEFAULT_QUEUE_KEY}`, "gpu=true"],
];

/** The agents; each seeded running job is on the agent of its name, which is busy with it. */
function seedAgentsAndTheirJobs(state: SimState, random: Random, createdAt: number): void {
  for (const agent of seedAgents(random, createdAt)) state.agents.set(agent.uuid, agent);
  for (const job of state.jobs.values()) {
    if (job.state !== "running" && job.state !== "assigned") continue;
    const agent = [...state.agents.values()].find((candidate) => candidate.name === job.agentName);
    if (agent !== undefined && state.agentJob(agent) === null) agent.jobUuid = job.uuid;
  }
}

/** Newest of all, one build each, so the lists and build numbers before them stay as they were. */
function seedUnmatchedJobs(state: SimState, random: Random, startMs: number): void {
  for (const rules of UNMATCHED_RULES) {
    const [job] = scheduleJobs(state, random, { count: 1, queueKey: DEFAULT_QUEUE_KEY, scheduledAt: startMs });
    if (job !== undefined) job.agentQueryRules = [...rules];
  }
}

/** Where each pipeline's numbering had got to before the simulated past begins. */
const FIRST_BUILD_NUMBER: Readonly<Record<string, number>> = {
  web: 1201,
  api: 861,
  "mobile-ios": 311,
  infra: 95,
  docs: 40,
};

/**
 * Builds were seeded in groups (history, scheduled, showcase); numbers must follow creation time as on
 * Buildkite, so each pipeline's builds are numbered afresh, oldest first, and their jobs' env follows.
 */
function renumberBuilds(state: SimState): void {
  const builds = [...state.builds.values()].sort((a, b) => a.createdAt - b.createdAt);
  const next = new Map<string, number>();
  for (const build of builds) {
    const number = next.get(build.pipelineSlug) ?? FIRST_BUILD_NUMBER[build.pipelineSlug] ?? 1;
    next.set(build.pipelineSlug, number + 1);
    build.number = number;
    for (const id of build.jobIds) {
      const env = state.jobs.get(id)?.env;
      if (env === undefined || env.BUILDKITE_BUILD_NUMBER === undefined) continue;
      env.BUILDKITE_BUILD_NUMBER = String(number);
      env.BUILDKITE_BUILD_URL = `https://buildkite.com/${state.org.slug}/${build.pipelineSlug}/builds/${number}`;
    }
  }
}

interface SeedBuild {
  state: SimState;
  random: Random;
  queueKey: string;
  createdAt: number;
  nullBranch?: boolean;
}

type AddSeedJob = (jobState: JobState, scheduledAt: number, extras?: { bulky?: boolean; forceGaps?: boolean }) => Job;

/** A new build on a pipeline that serves the queue, and a function adding jobs to it. */
function seedBuild({ state, random, queueKey, createdAt, nullBranch = false }: SeedBuild): AddSeedJob {
  const template = choosePipeline(random, queueKey);
  const pipeline = state.pipelines.get(template.slug);
  if (pipeline === undefined) throw new Error(`pipeline ${template.slug} not seeded`);
  const build = newBuild(state, random, pipeline, createdAt, nullBranch);
  return (jobState, scheduledAt, extras = {}) =>
    createJob(random, {
      org: state.org,
      pipeline,
      template,
      build,
      queueKey,
      seq: state.nextSeq(),
      state: jobState,
      scheduledAt,
      ...extras,
    });
}

/** Finished and running builds, so job counts and the REST half have a past to show. */
function seedHistory(state: SimState, random: Random, startMs: number): void {
  for (let i = 0; i < 8; i++) {
    const createdAt = startMs - (10 - i) * 20 * MINUTE;
    const job = seedBuild({ state, random, queueKey: DEFAULT_QUEUE_KEY, createdAt })("finished", createdAt);
    job.agentName = random.pick(AGENT_NAMES);
    job.startedAt = job.scheduledAt + random.int(1_000, 30_000);
    job.finishedAt = job.startedAt + random.int(30_000, 600_000);
    job.exitStatus = random.chance(0.8) ? 0 : 1;
    finishBuildOf(state, job);
    state.addJob(job);
  }
  for (let i = 0; i < 2; i++) {
    const createdAt = startMs - random.int(2, 6) * MINUTE;
    const job = seedBuild({ state, random, queueKey: DEFAULT_QUEUE_KEY, createdAt })("running", createdAt);
    job.agentName = random.pick(AGENT_NAMES);
    job.startedAt = job.scheduledAt + random.int(1_000, 20_000);
    const build = state.builds.get(job.buildUuid);
    if (build !== undefined) {
      build.state = "running";
      build.startedAt = job.startedAt;
    }
    state.addJob(job);
  }
}

function finishBuildOf(state: SimState, job: Job): void {
  const build = state.builds.get(job.buildUuid);
  if (build === undefined) return;
  build.state = job.exitStatus === 0 ? "passed" : "failed";
  build.startedAt = job.startedAt;
  build.finishedAt = job.finishedAt;
}

/**
 * Scheduled jobs spread over the last ~20 min in builds of 1–4 jobs; the first two builds of the default
 * queue are single jobs waiting over 20 min, the long waits a console must make stand out. Some builds
 * lack a branch and some jobs a step key or runnable_at, placed by position so every seed has them.
 */
function seedScheduled(state: SimState, random: Random, queueKey: string, count: number, startMs: number): void {
  const longWaits = queueKey === DEFAULT_QUEUE_KEY ? 2 : 0;
  let made = 0;
  for (let buildIndex = 0; made < count; buildIndex++) {
    const isLongWait = buildIndex < longWaits;
    const size = isLongWait ? 1 : Math.min(count - made, random.int(1, 4));
    const createdAt = startMs - (isLongWait ? random.int(21 * MINUTE, 29 * MINUTE) : random.int(10_000, 19 * MINUTE));
    const addJob = seedBuild({ state, random, queueKey, createdAt, nullBranch: buildIndex % 7 === 4 });
    for (let i = 0; i < size; i++, made++) {
      // A couple of default-queue jobs carry env + command over 100 KB, as the docs warn they can.
      const bulky = queueKey === DEFAULT_QUEUE_KEY && made % 19 === 3;
      state.addJob(addJob("scheduled", createdAt + random.int(0, 2_000), { bulky, forceGaps: made % 13 === 6 }));
    }
  }
}
