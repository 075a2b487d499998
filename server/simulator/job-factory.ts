import { AUTHORS, BRANCHES, COMMIT_MESSAGES, QUEUE_RULES, type PipelineTemplate } from "./catalog";
import { bulkyCommand, jobEnv } from "./job-env";
import type { Build, Job, JobState, Organization, Pipeline } from "./model";
import type { Random } from "./random";

const PRIORITIES: readonly number[] = [0, 0, 0, 0, 0, 1, 10, -1];

export function createBuild(
  random: Random,
  pipeline: Pipeline,
  number: number,
  createdAt: number,
  forceNullBranch = false,
): Build {
  const nullBranch = random.chance(0.08) || forceNullBranch;
  return {
    uuid: random.uuid(),
    number,
    pipelineSlug: pipeline.slug,
    // A few builds (e.g. triggered from the API without a branch) carry no branch at all.
    branch: nullBranch ? null : random.pick(BRANCHES),
    commit: random.hex(40),
    message: random.pick(COMMIT_MESSAGES),
    author: random.pick(AUTHORS),
    state: "scheduled",
    createdAt,
    startedAt: null,
    finishedAt: null,
    jobIds: [],
    blocked: false,
    source: "webhook",
    metaData: {},
    pinned: false,
    rebuiltFromUuid: null,
    creatorIdsOnly: false,
  };
}

export interface JobSpec {
  org: Organization;
  pipeline: Pipeline;
  template: PipelineTemplate;
  build: Build;
  queueKey: string;
  seq: number;
  state: JobState;
  scheduledAt: number;
  bulky?: boolean;
  /** The step this job runs; a random one of the pipeline's when absent. */
  step?: PipelineTemplate["steps"][number];
  /** Forces the optional-field gaps a client must cope with, so every seed is guaranteed to have some. */
  forceGaps?: boolean;
}

/** The fields of a job that has not run yet: no agent, times, exit status, reservation or retries of it. */
export function notYetRun(): Pick<
  Job,
  | "startedAt"
  | "finishedAt"
  | "exitStatus"
  | "agentName"
  | "reservation"
  | "notifications"
  | "finishedDetail"
  | "finishedByStack"
  | "softFailed"
  | "retried"
  | "retriedInJobId"
> {
  return {
    startedAt: null,
    finishedAt: null,
    exitStatus: null,
    agentName: null,
    reservation: null,
    notifications: [],
    finishedDetail: null,
    finishedByStack: null,
    softFailed: false,
    retried: false,
    retriedInJobId: null,
  };
}

export function createJob(random: Random, spec: JobSpec): Job {
  const uuid = random.uuid();
  const step = spec.step ?? random.pick(spec.template.steps);
  const stepKey = random.chance(0.1) || spec.forceGaps === true ? null : step.key;
  const command = spec.bulky ? bulkyCommand(random, step.command) : step.command;
  const rules = QUEUE_RULES[spec.queueKey] ?? [[`queue=${spec.queueKey}`]];
  const createdAt = spec.scheduledAt - random.int(200, 15_000);
  const job: Job = {
    uuid,
    seq: spec.seq,
    type: "script",
    label: step.label,
    stepKey,
    command,
    env: jobEnv(
      random,
      {
        org: spec.org,
        pipeline: spec.pipeline,
        build: spec.build,
        jobUuid: uuid,
        label: step.label,
        stepKey,
        command,
        queueKey: spec.queueKey,
      },
      spec.bulky === true,
    ),
    agentQueryRules: [...random.pick(rules)],
    queueKey: spec.queueKey,
    priority: random.pick(PRIORITIES),
    state: spec.state,
    buildUuid: spec.build.uuid,
    pipelineSlug: spec.pipeline.slug,
    createdAt,
    scheduledAt: spec.scheduledAt,
    runnableAt: random.chance(0.1) || spec.forceGaps === true ? null : spec.scheduledAt,
    ...notYetRun(),
    retriesCount: 0,
    retrySource: null,
    triggeredBuildUuid: null,
    logProfile: "standard",
    unblockedBy: null,
    unblockedAt: null,
  };
  spec.build.jobIds.push(uuid);
  if (spec.build.createdAt > createdAt) spec.build.createdAt = createdAt;
  return job;
}
