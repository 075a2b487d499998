import "server-only";
import type { ScheduledJob } from "@/lib/schemas/jobs";
import { restTokenStatus } from "../auth/rest-token-status";
import { BuildkiteError } from "../buildkite/errors";
import { buildRef } from "../builds/build-inputs";
import { ConsoleError } from "../route-kit/console-error";
import type { BuildStateRead } from "../live/rest-reads";
import type { Runtime } from "../runtime";
import { buildStateKeys } from "./input";
import { buildsByLongestWait, type WaitingBuild } from "./waiting-builds";

/**
 * How many builds one computation reads at most: those of the longest-waiting jobs, where a build that
 * ended matters most. Reads are shared (one upstream call per build per BUILD_STATE_TTL_MS, whoever asks),
 * but a queue spread over hundreds of builds would still spend the REST budget (one user's 50 a minute).
 */
export const MAX_BUILD_READS = 20;

/** The token check is shared and cached; a slow REST API must not hold up findings that need none of it. */
const TOKEN_CHECK_TIMEOUT_MS = 5_000;
/** A build read decorates triage: the next poll is its retry, so it does not wait through the client's. */
const BUILD_READ_OPTIONS = { noRetry: true, timeoutMs: 5_000 };

export interface TriageBuildStates {
  /** Build states by `buildStateKeys`; a build left out is unknown, which no finding counts as ended. */
  states: Map<string, string>;
  warnings: string[];
}

const unavailable = (why: string): TriageBuildStates => ({
  states: new Map(),
  warnings: [`Build findings are unavailable: ${why}`],
});

/**
 * The states of the builds the waiting jobs belong to, for build_no_longer_running. Each is a shared REST
 * read, so viewers (and, with Redis, instances) share it; a build webhook drops it like the build's other reads.
 * Nothing here fails triage: a build that cannot be read stays unknown, and the summary says so.
 */
export async function triageBuildStates(runtime: Runtime, jobs: readonly ScheduledJob[]): Promise<TriageBuildStates> {
  if (runtime.rest === null)
    return unavailable(
      "no REST API token and organization are configured (BUILDKITE_API_TOKEN, BUILDKITE_ORG), so the waiting jobs' builds cannot be read.",
    );
  const builds = buildsByLongestWait(jobs);
  if (builds.length === 0) return { states: new Map(), warnings: [] };
  const token = await restTokenStatus(runtime.rest, AbortSignal.timeout(TOKEN_CHECK_TIMEOUT_MS)).catch(
    (error: unknown) => {
      // The viewer's read share refused the check: like Buildkite's refusals, that must not fail triage.
      if (error instanceof ConsoleError) return { token: null, error: { message: error.message } };
      throw error;
    },
  );
  if (token.token === null)
    return unavailable(`could not check what the REST API token may read: ${token.error?.message ?? "no answer"}`);
  if (!token.token.scopes.includes("read_builds"))
    return unavailable("the REST API token cannot read builds (it needs read_builds).");

  const read = builds.slice(0, MAX_BUILD_READS);
  const results = await Promise.allSettled(read.map((build) => readBuildState(runtime, build)));
  const states = new Map<string, string>();
  let failed = 0;
  results.forEach((result, at) => {
    if (result.status === "rejected") {
      if (!(result.reason instanceof BuildkiteError || result.reason instanceof ConsoleError)) throw result.reason;
      failed++;
      return;
    }
    const build = read[at]!;
    const keys = buildStateKeys(
      { uuid: result.value.id, number: build.number, branch: null },
      { slug: build.pipeline, uuid: null },
    );
    for (const key of keys) states.set(key, result.value.state);
  });
  const warnings: string[] = [];
  const unread = builds.length - read.length;
  if (unread > 0)
    warnings.push(
      `Only the ${MAX_BUILD_READS} builds of the longest-waiting jobs were checked for having ended; ${unread} more ${unread === 1 ? "was" : "were"} not read.`,
    );
  if (failed > 0)
    warnings.push(
      `${failed} of the waiting jobs' builds could not be read, so whether ${failed === 1 ? "it has" : "they have"} ended is unknown.`,
    );
  return { states, warnings };
}

async function readBuildState(runtime: Runtime, build: WaitingBuild): Promise<BuildStateRead> {
  const { client, reads, ref } = buildRef(runtime, { pipeline: build.pipeline, buildNumber: build.number });
  return reads.readBuildState(ref.org, ref.pipeline, ref.build, async () => {
    const { data } = await client.getBuild(ref, BUILD_READ_OPTIONS);
    return { id: data.id, state: data.state };
  });
}
