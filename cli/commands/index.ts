import type { CliCommand } from "../command";
import { annotationsList } from "./annotations-list";
import { artifactsDownload } from "./artifacts-download";
import { artifactsList } from "./artifacts-list";
import { authSetup } from "./auth-setup";
import { authStatus } from "./auth-status";
import { buildsCancel, buildsCreate, buildsRebuild } from "./builds-actions";
import { buildsGet } from "./builds-get";
import { buildsList } from "./builds-list";
import { jobsEnvGet, jobsUnblock } from "./jobs-actions";
import { jobsLogGet } from "./jobs-log-get";
import { jobsRetry } from "./jobs-retry";
import { pipelinesList } from "./pipelines-list";
import { stacksJobsFinish } from "./stacks-jobs-finish";
import { stacksJobsList } from "./stacks-jobs-list";
import { stacksJobsNotify } from "./stacks-jobs-notify";
import { stacksJobsReserve } from "./stacks-jobs-reserve";
import { stacksQueuePause, stacksQueueResume } from "./stacks-queue-dispatch";

/** Every bkci command, in the order --help lists them. */
export const commands: readonly CliCommand[] = [
  authSetup,
  authStatus,
  buildsList,
  buildsGet,
  jobsLogGet,
  jobsRetry,
  artifactsList,
  artifactsDownload,
  annotationsList,
  buildsCreate,
  buildsRebuild,
  buildsCancel,
  jobsUnblock,
  jobsEnvGet,
  pipelinesList,
  stacksJobsList,
  stacksJobsReserve,
  stacksJobsFinish,
  stacksJobsNotify,
  stacksQueuePause,
  stacksQueueResume,
];
