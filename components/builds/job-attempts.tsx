import Link from "next/link";
import type { ReactNode } from "react";
import { shortId } from "@/lib/filters/jobs";
import type { BuildJob } from "@/lib/schemas/builds";

// A retry is a new job beside the one it retried; Buildkite keeps both. Each says where the other is, so an
// operator can go from the failure to its retry and back.

/** Buildkite counts retries from the first attempt (retries_count 1 is attempt 2); it may send null for none. */
export const attemptNumber = (job: Pick<BuildJob, "retriesCount">): number => (job.retriesCount ?? 0) + 1;

/** A retry's own count when Buildkite sends it, else one more than the attempt it retried. */
const retryAttempt = (retried: BuildJob, retry: BuildJob): number =>
  retry.retriesCount === null ? attemptNumber(retried) + 1 : attemptNumber(retry);

const link =
  "rounded text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400";

interface JobAttemptsProps {
  job: BuildJob;
  /** The build's jobs, every attempt included, to number the attempt the link leads to. */
  jobs: readonly BuildJob[];
  /** Where another attempt of the job is shown: its row on the build page, or its own log page. */
  hrefFor: (jobId: string) => string;
  /** Its size and spacing where it stands (small type by default). */
  className?: string;
}

/**
 * A link to another attempt. A row of the same page is a plain anchor, so the browser scrolls to it and
 * highlights it (`:target`), which a client-side navigation would not.
 */
function AttemptLink({ href, className, children }: { href: string; className: string; children: ReactNode }) {
  if (href.startsWith("#"))
    return (
      <a href={href} className={className}>
        {children}
      </a>
    );
  return (
    <Link href={href} className={className}>
      {children}
    </Link>
  );
}

/** "retried — see attempt 2" on a retried attempt, "retry of 1a2b3c4d" on a retry; nothing on other jobs. */
export function JobAttempts({ job, jobs, hrefFor, className = "text-xs" }: JobAttemptsProps) {
  const retriedIn = job.retried && job.retriedInJobId ? job.retriedInJobId : null;
  const source = job.retrySource?.jobId ?? null;
  if (!job.retried && source === null) return null;
  const retry = retriedIn === null ? undefined : jobs.find((candidate) => candidate.id === retriedIn);
  return (
    <span className={`block text-zinc-700 dark:text-zinc-300 ${className}`} data-testid="job-attempts">
      {job.retried && (
        <span className="block">
          retried
          {retriedIn !== null && (
            <>
              {" — see "}
              <AttemptLink href={hrefFor(retriedIn)} className={link}>
                {retry ? (
                  `attempt ${retryAttempt(job, retry)}`
                ) : (
                  <span className="font-mono">{shortId(retriedIn)}</span>
                )}
              </AttemptLink>
            </>
          )}
        </span>
      )}
      {source !== null && (
        <span className="block">
          {`attempt ${attemptNumber(job)}, retry of `}
          <AttemptLink href={hrefFor(source)} className={`${link} font-mono`}>
            {shortId(source)}
          </AttemptLink>
        </span>
      )}
    </span>
  );
}
