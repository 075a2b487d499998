import type { z } from "zod";
import { annotationsListEnvelope, annotationsListRawEnvelope } from "./annotations";
import { artifactsDownloadEnvelope, artifactsListEnvelope, artifactsListRawEnvelope } from "./artifacts";
import { authSetupEnvelope, authStatusEnvelope, authStatusRawEnvelope } from "./auth";
import { buildsGetEnvelope, buildsGetRawEnvelope, buildsListEnvelope, buildsListRawEnvelope } from "./builds";
import {
  buildsCancelEnvelope,
  buildsCancelRawEnvelope,
  buildsCreateEnvelope,
  buildsCreateRawEnvelope,
  buildsRebuildEnvelope,
  buildsRebuildRawEnvelope,
  jobsEnvGetEnvelope,
  jobsEnvGetRawEnvelope,
  jobsUnblockEnvelope,
  jobsUnblockRawEnvelope,
  pipelinesListEnvelope,
  pipelinesListRawEnvelope,
} from "./future";
import { jobsLogGetEnvelope, jobsRetryEnvelope, jobsRetryRawEnvelope } from "./jobs";
import {
  stacksJobsFinishEnvelope,
  stacksJobsListEnvelope,
  stacksJobsListRawEnvelope,
  stacksJobsNotifyEnvelope,
  stacksJobsNotifyRawEnvelope,
  stacksJobsReserveEnvelope,
  stacksJobsReserveRawEnvelope,
  stacksQueuePauseEnvelope,
  stacksQueueResumeEnvelope,
} from "./stacks";

export * from "./annotations";
export * from "./artifacts";
export * from "./auth";
export * from "./builds";
export * from "./common";
export * from "./envelope";
export * from "./errors";
export * from "./future";
export * from "./jobs";
export * from "./pagination";
export * from "./stacks";

/** Every command's envelope, by its canonical name: the API, bkci and the tests all check against these. */
export const contractSchemas = {
  "auth.setup": authSetupEnvelope,
  "auth.status": authStatusEnvelope,
  "builds.list": buildsListEnvelope,
  "builds.get": buildsGetEnvelope,
  "jobs.log.get": jobsLogGetEnvelope,
  "jobs.retry": jobsRetryEnvelope,
  "artifacts.list": artifactsListEnvelope,
  "artifacts.download": artifactsDownloadEnvelope,
  "annotations.list": annotationsListEnvelope,
  "builds.create": buildsCreateEnvelope,
  "builds.rebuild": buildsRebuildEnvelope,
  "builds.cancel": buildsCancelEnvelope,
  "jobs.unblock": jobsUnblockEnvelope,
  "jobs.env.get": jobsEnvGetEnvelope,
  "pipelines.list": pipelinesListEnvelope,
  "stacks.jobs.list": stacksJobsListEnvelope,
  "stacks.jobs.reserve": stacksJobsReserveEnvelope,
  "stacks.jobs.finish": stacksJobsFinishEnvelope,
  "stacks.jobs.notify": stacksJobsNotifyEnvelope,
  "stacks.queue.pause": stacksQueuePauseEnvelope,
  "stacks.queue.resume": stacksQueueResumeEnvelope,
} as const;

export type CommandName = keyof typeof contractSchemas;
export const commandNames = Object.keys(contractSchemas) as CommandName[];

/**
 * The envelope `--raw` answers with, for commands that pass Buildkite's JSON through. jobs.log.get keeps
 * its shape (raw means the log's bytes unnormalized), and commands with no Buildkite body have no raw form.
 */
export const rawContractSchemas = {
  "auth.status": authStatusRawEnvelope,
  "builds.list": buildsListRawEnvelope,
  "builds.get": buildsGetRawEnvelope,
  "jobs.log.get": jobsLogGetEnvelope,
  "jobs.retry": jobsRetryRawEnvelope,
  "artifacts.list": artifactsListRawEnvelope,
  "annotations.list": annotationsListRawEnvelope,
  "builds.create": buildsCreateRawEnvelope,
  "builds.rebuild": buildsRebuildRawEnvelope,
  "builds.cancel": buildsCancelRawEnvelope,
  "jobs.unblock": jobsUnblockRawEnvelope,
  "jobs.env.get": jobsEnvGetRawEnvelope,
  "pipelines.list": pipelinesListRawEnvelope,
  "stacks.jobs.list": stacksJobsListRawEnvelope,
  "stacks.jobs.reserve": stacksJobsReserveRawEnvelope,
  "stacks.jobs.notify": stacksJobsNotifyRawEnvelope,
} as const satisfies Partial<Record<CommandName, z.ZodType>>;

export type ContractEnvelope<Name extends CommandName> = z.infer<(typeof contractSchemas)[Name]>;
