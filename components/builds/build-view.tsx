"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { secondaryButton } from "@/components/ui/form-styles";
import { StaleWarning } from "@/components/ui/stale-warning";
import { useNow } from "@/components/ui/use-now";
import { ApiError } from "@/lib/api/api-error";
import { countJobsByState, hasState } from "@/lib/build-jobs";
import { authStatusQuery } from "@/lib/queries/auth";
import { annotationsQuery, artifactTotals, artifactsQuery, buildFacts, buildQuery } from "@/lib/queries/builds";
import type { BuildDetail } from "@/lib/schemas/builds";
import { AnnotationsList } from "./annotations-section";
import { ArtifactsTable } from "./artifacts-section";
import { BuildHeader } from "./build-header";
import { BuildActions } from "./build-actions";
import { BuildJobsTable } from "./build-jobs-table";
import { capabilityAccess } from "./capability-access";
import { JobCounts } from "./job-counts";

/** While the build or one of its jobs can still change, it is read again this often. */
const LIVE_BUILD_MS = 5000;
const activeBuildStates: readonly string[] = ["creating", "scheduled", "running", "failing", "canceling"];
const activeJobStates: readonly string[] = [
  "pending",
  "waiting",
  "scheduled",
  "assigned",
  "accepted",
  "running",
  "limited",
  "limiting",
  "timing_out",
  "canceling",
];

function isLive(detail: BuildDetail | undefined) {
  if (!detail) return false;
  return activeBuildStates.includes(detail.build.state) || detail.jobs.some((job) => hasState(job, activeJobStates));
}

const asApiError = (error: unknown) => (error instanceof ApiError ? error : null);

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const id = `section-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={id} className="text-lg font-semibold tracking-tight">
          {title}
        </h2>
        {aside}
      </div>
      {children}
    </section>
  );
}

function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="animate-pulse text-sm text-zinc-600 dark:text-zinc-400">
      Loading {what}…
    </p>
  );
}

function Annotations({ pipeline, number }: { pipeline: string; number: number }) {
  const query = useQuery({ ...annotationsQuery(pipeline, number), placeholderData: keepPreviousData });
  const error = asApiError(query.error);
  return (
    <Section title="Annotations">
      {error && <StaleWarning error={error} hasData={query.data !== undefined} />}
      {query.data ? <AnnotationsList annotations={query.data.data} /> : !error && <Loading what="annotations" />}
    </Section>
  );
}

function Artifacts({ pipeline, number }: { pipeline: string; number: number }) {
  const query = useQuery({ ...artifactsQuery(pipeline, number), placeholderData: keepPreviousData });
  const error = asApiError(query.error);
  return (
    <Section title="Artifacts">
      {error && <StaleWarning error={error} hasData={query.data !== undefined} />}
      {query.data ? (
        <ArtifactsTable artifacts={query.data.data} totals={artifactTotals(query.data)} />
      ) : (
        !error && <Loading what="artifacts" />
      )}
    </Section>
  );
}

/** One build: who and what, its jobs (failed first, with logs and retry), annotations and artifacts. */
export function BuildView({ pipeline, number }: { pipeline: string; number: number }) {
  const build = useQuery({
    ...buildQuery(pipeline, number),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (isLive(query.state.data?.data) ? LIVE_BUILD_MS : false),
  });
  const auth = useQuery(authStatusQuery());
  const now = useNow();
  const detail = build.data?.data;
  const error = asApiError(build.error);

  if (!detail) {
    if (error?.error.type === "not_found") {
      return (
        <div className="space-y-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            <span className="font-mono">{pipeline}</span> #{number}
          </h1>
          <p role="alert">
            Buildkite has no build #{number} in pipeline {pipeline} (or the console&apos;s token cannot see it).
          </p>
          <Link href="/builds" className="text-blue-700 hover:underline dark:text-blue-400">
            All builds
          </Link>
        </div>
      );
    }
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          <span className="font-mono">{pipeline}</span> #{number}
        </h1>
        {error ? (
          <>
            <StaleWarning error={error} hasData={false} />
            <button type="button" className={secondaryButton} onClick={() => void build.refetch()}>
              Try again
            </button>
          </>
        ) : (
          <Loading what="the build" />
        )}
      </div>
    );
  }

  const facts = buildFacts(build.data);
  const counts = facts?.jobCounts ?? countJobsByState(detail.jobs);

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/builds" className="text-blue-700 hover:underline dark:text-blue-400">
          Builds
        </Link>
        <span aria-hidden className="px-1.5 text-zinc-500 dark:text-zinc-400">
          /
        </span>
        <Link
          href={`/builds?pipeline=${encodeURIComponent(pipeline)}`}
          className="font-mono text-blue-700 hover:underline dark:text-blue-400"
        >
          {pipeline}
        </Link>
      </nav>
      {error && <StaleWarning error={error} hasData />}
      <BuildHeader build={detail.build} now={now} />
      <BuildActions
        detail={detail}
        cancelAccess={capabilityAccess(auth, "buildsCancel")}
        rebuildAccess={capabilityAccess(auth, "buildsRebuild")}
      />
      <Section title="Jobs" aside={<JobCounts counts={counts} />}>
        <BuildJobsTable
          pipeline={pipeline}
          number={number}
          jobs={detail.jobs}
          failedJobIds={facts?.failedJobIds ?? null}
          retryAccess={capabilityAccess(auth, "jobsRetry")}
          unblockAccess={capabilityAccess(auth, "jobsUnblock")}
          stackKey={auth.data?.data.clusterToken.stackKey ?? null}
          now={now}
        />
      </Section>
      <Annotations pipeline={pipeline} number={number} />
      <Artifacts pipeline={pipeline} number={number} />
    </div>
  );
}
