import type { ActionResult } from "@/lib/action-results";

/** An action's outcome under its form: a polite status on success, an alert on failure. */
export function ActionMessage({ result }: { result: ActionResult | null }) {
  if (!result) return null;
  return result.ok ? (
    <p
      role="status"
      className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200"
    >
      {result.message}
    </p>
  ) : (
    <p
      role="alert"
      className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-900 dark:bg-red-500/10 dark:text-red-200"
    >
      {result.message}
    </p>
  );
}

/** A field's own error, tied to the field by id so it is read with it. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
      {message}
    </p>
  );
}
