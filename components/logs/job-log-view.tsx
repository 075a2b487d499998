"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { JobAttempts } from "@/components/builds/job-attempts";
import { buildQuery } from "@/lib/queries/builds";
import { LogViewer } from "./log-viewer";

const JOB_REFRESH_MS = 5000;

interface JobLogViewProps {
  pipeline: string;
  number: number;
  jobId: string;
}

/** The log page: which job and build it is, the way back to the build, and the log itself. */
export function JobLogView({ pipeline, number, jobId }: JobLogViewProps) {
  // While the job has not finished its state is re-read, so the header does not go on saying "running".
  // The build page's own cache entry: one build is cached once, whichever page read it.
  const build = useQuery({
    ...buildQuery(pipeline, number),
    select: (envelope) => envelope.data,
    staleTime: 30_000,
    refetchInterval: (query) =>
      query.state.data?.data.jobs.find((candidate) => candidate.id === jobId)?.finishedAt === null
        ? JOB_REFRESH_MS
        : false,
  });
  const job = build.data?.jobs.find((candidate) => candidate.id === jobId);
  const buildHref = `/builds/${encodeURIComponent(pipeline)}/${number}`;
  const name = job ? (job.name ?? job.stepKey ?? `Job ${jobId.slice(0, 8)}`) : `Job ${jobId.slice(0, 8)}`;
  return (
    <div className="space-y-4">
      <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">{name}</h1>
        {job && (
          <span
            className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
            data-testid="job-state"
          >
            {job.state ?? job.type}
            {job.exitStatus !== null ? ` · exit ${job.exitStatus}` : ""}
          </span>
        )}
        {job && build.data && (
          <JobAttempts
            job={job}
            jobs={build.data.jobs}
            hrefFor={(id) => `${buildHref}/jobs/${encodeURIComponent(id)}`}
            className="text-sm"
          />
        )}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <span className="font-mono">{pipeline}</span> build #{number}
          {build.data?.build.message ? ` — ${build.data.build.message.split("\n")[0]}` : ""}
        </p>
        <nav aria-label="Job" className="ml-auto text-sm">
          <Link href={buildHref} className="text-blue-700 hover:underline dark:text-blue-400">
            Back to build #{number}
          </Link>
        </nav>
      </header>
      <LogViewer logRef={{ pipeline, number, jobId }} hasLog={job?.hasLog} />
    </div>
  );
}
