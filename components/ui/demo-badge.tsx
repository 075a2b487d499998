export function DemoBadge() {
  return (
    <span
      className="rounded-full border border-amber-400 bg-amber-100 px-2.5 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-500/60 dark:bg-amber-500/15 dark:text-amber-200"
      title="No Buildkite tokens are configured: the console is showing its built-in simulator."
    >
      Demo — simulated cluster
    </span>
  );
}
