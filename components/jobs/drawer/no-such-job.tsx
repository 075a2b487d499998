/** Why there is nothing to show or do: the id is not a job id, or Buildkite knows no job by it. */
export function NoSuchJob({ jobId, reason }: { jobId: string; reason: "not-a-job-id" | "unknown" }) {
  return (
    <section
      aria-labelledby="no-such-job-heading"
      data-testid="no-such-job"
      className="mt-2 rounded-md border border-zinc-300 bg-zinc-50 px-4 py-3 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/60 dark:text-zinc-200"
    >
      <h3 id="no-such-job-heading" className="font-semibold">
        No such job
      </h3>
      <p className="mt-1 break-words">
        {reason === "not-a-job-id" ? (
          <>
            <span className="font-mono">{jobId}</span> is not a job id: Buildkite job ids are UUIDs, such as
            0190f3a2-5c1e-7d7a-9e51-2b8f4c6d0e11.
          </>
        ) : (
          <>
            Buildkite knows no job <span className="font-mono">{jobId}</span>: the link may be wrong, or the job belongs
            to another organization.
          </>
        )}
      </p>
    </section>
  );
}
