import type { ApiError } from "@/lib/api/api-error";

/** Says a refresh failed, and why, while the last good data stays on screen. */
export function StaleWarning({ error, hasData }: { error: ApiError; hasData: boolean }) {
  return (
    <p
      role="alert"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-500/50 dark:bg-amber-500/10 dark:text-amber-200"
    >
      <span className="font-semibold">
        {hasData ? "Refresh failed — showing the last good data." : "Could not load."}
      </span>{" "}
      <span className="font-mono text-xs">{error.error.type}</span>: {error.message}
    </p>
  );
}
