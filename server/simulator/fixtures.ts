import { artifactSha1, artifactSize, ensureArtifactSha1 } from "./artifacts";
import { jobLogSize } from "./job-logs";
import type { SimState } from "./state";

export const JOB_FIXTURES = [
  "largeLog",
  "colourLog",
  "growingLog",
  /** Failed with exit 1 and retryable once. */
  "failedJob",
  "softFailedJob",
  "timedOutJob",
  /** A job of a canceled build: retrying it is refused with 422. */
  "canceledBuildJob",
  "passedJob",
  "waiterJob",
  "manualJob",
  "triggerJob",
  /** A script job that has not started: its log is empty. */
  "scheduledJob",
] as const;
export const BUILD_FIXTURES = [
  /** Passed, with a waiter (no state of its own) between its jobs. */
  "passedBuild",
  /** Its creator is served with ids only: no name, no email. */
  "namelessCreatorBuild",
  "hostileAnnotation",
  "annotatedBuild",
  "blockedBuild",
  "canceledBuild",
  "runningBuild",
] as const;
export const ARTIFACT_FIXTURES = ["largeArtifact", "smallArtifact", "imageArtifact", "junitArtifact"] as const;

/** Where the showcase data is, by id; numbers and sizes are looked up when asked, as they can change. */
export interface ShowcaseIds {
  jobs: Record<(typeof JOB_FIXTURES)[number], string>;
  builds: Record<(typeof BUILD_FIXTURES)[number], string>;
  artifacts: Record<(typeof ARTIFACT_FIXTURES)[number], string>;
}

interface BuildRef {
  pipeline: string;
  buildNumber: number;
}

/** `GET /__sim/fixtures`: every showcase id with its pipeline and build number, log sizes and artifact sums. */
export async function fixturesJson(state: SimState, now: number): Promise<Record<string, unknown>> {
  const ids = state.fixtures;
  if (ids === null) return {};
  for (const name of ARTIFACT_FIXTURES) {
    const record = state.artifacts.get(ids.artifacts[name]);
    if (record !== undefined) await ensureArtifactSha1(record);
  }
  const buildRef = (uuid: string): BuildRef => {
    const build = state.builds.get(uuid);
    return { pipeline: build?.pipelineSlug ?? "", buildNumber: build?.number ?? 0 };
  };
  const out: Record<string, unknown> = {};
  for (const name of JOB_FIXTURES) {
    const job = state.jobs.get(ids.jobs[name]);
    if (job === undefined) continue;
    const size = jobLogSize(state, job, now);
    out[name] = { ...buildRef(job.buildUuid), jobId: job.uuid, ...(size === null ? {} : { bytes: size }) };
  }
  for (const name of BUILD_FIXTURES) out[name] = buildRef(ids.builds[name]);
  for (const name of ARTIFACT_FIXTURES) {
    const record = state.artifacts.get(ids.artifacts[name]);
    if (record === undefined) continue;
    out[name] = {
      ...buildRef(record.buildUuid),
      jobId: record.jobUuid,
      artifactId: record.id,
      path: record.path,
      bytes: artifactSize(record),
      sha1: artifactSha1(record),
    };
  }
  return out;
}
