/** Shown while the server reads the queue (up to its prefetch budget when Buildkite is slow). */
export default function Loading() {
  return (
    <div role="status" className="space-y-5">
      <div className="h-8 w-64 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-14 w-full animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
      <div className="flex h-[62vh] min-h-80 items-center justify-center rounded-lg border border-dashed border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        Loading scheduled jobs…
      </div>
    </div>
  );
}
