import "server-only";
import type { Runtime } from "../runtime";

export interface ReservedJobDetails {
  pipelineSlug: string | null;
  buildNumber: number | null;
  queueKey: string | null;
}

/** Jobs missing from the shared snapshot are looked up one by one, but only this many per reserve. */
const MAX_SINGLE_LOOKUPS = 20;

const unknownDetails: ReservedJobDetails = { pipelineSlug: null, buildNumber: null, queueKey: null };

/**
 * What the reservations page shows of jobs about to be reserved, read while they are still scheduled:
 * once reserved they leave the list. The queues' shared snapshots answer for the jobs the operator was
 * looking at; a few others are read from the job's env. A failed lookup only leaves the details empty,
 * it never stops the reservation.
 */
export async function reservedJobDetails(
  runtime: Runtime,
  stackKey: string,
  jobIds: readonly string[],
  signal: AbortSignal,
): Promise<Map<string, ReservedJobDetails>> {
  const wanted = new Set(jobIds);
  const found = new Map<string, ReservedJobDetails>();
  for (const queueKey of runtime.config.queueKeys) {
    try {
      const snapshot = await runtime.live.queueSnapshot({ stackKey, queueKey });
      for (const job of snapshot.value.jobs) {
        if (!wanted.has(job.id)) continue;
        found.set(job.id, { pipelineSlug: job.pipeline.slug, buildNumber: job.build.number, queueKey });
      }
    } catch {
      // The snapshot is a convenience here; the per-job lookups below cover what it could not.
    }
  }
  const missing = jobIds.filter((id) => !found.has(id)).slice(0, MAX_SINGLE_LOOKUPS);
  await Promise.all(
    missing.map(async (jobId) => {
      try {
        const { env } = (await runtime.stacks.getJob({ stackKey, jobId }, { signal, noRetry: true })).data;
        const number = Number(env.BUILDKITE_BUILD_NUMBER);
        found.set(jobId, {
          pipelineSlug: env.BUILDKITE_PIPELINE_SLUG ?? null,
          buildNumber: Number.isSafeInteger(number) && number > 0 ? number : null,
          queueKey: env.BUILDKITE_AGENT_META_DATA_QUEUE ?? null,
        });
      } catch {
        // Unknown or unreadable: Buildkite will refuse to reserve it anyway, or the page shows a dash.
      }
    }),
  );
  return new Map(jobIds.map((id) => [id, found.get(id) ?? unknownDetails]));
}
