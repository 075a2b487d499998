import { StaleWarning } from "@/components/ui/stale-warning";
import type { ApiError } from "@/lib/api/api-error";

type LogUnavailableProps = { reason: "no-log" } | { reason: "error"; error: ApiError };

const box =
  "rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-700 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-300";

/** Why there is no log to show, in words that say what to do about it. */
export function LogUnavailable(props: LogUnavailableProps) {
  if (props.reason === "no-log") {
    return (
      <p className={box} data-testid="log-unavailable">
        This job has no log: only command steps run a script and write one (wait, block, input and trigger steps do
        not).
      </p>
    );
  }
  const { error } = props;
  if (error.error.type === "permission_error") {
    return (
      <p className={box} role="alert" data-testid="log-unavailable">
        The console&apos;s Buildkite API token may not read job logs: it needs the{" "}
        <code className="font-mono">read_build_logs</code> scope. Add the scope to the token (or use one that has it)
        and reload. ({error.message})
      </p>
    );
  }
  if (error.error.type === "not_found") {
    return (
      <p className={box} role="alert" data-testid="log-unavailable">
        No log was found for this job: the job does not exist, is not a command step, or has not started yet. (
        {error.message})
      </p>
    );
  }
  return <StaleWarning error={error} hasData={false} />;
}
