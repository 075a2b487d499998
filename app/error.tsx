"use client";

// Shown when a page fails to render on the server (for example the configuration is invalid).
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="py-16 text-center">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-zinc-600 dark:text-zinc-400">
        The server logged the cause{error.digest ? ` under reference ${error.digest}` : ""}.
      </p>
      <button
        type="button"
        onClick={reset}
        className="mt-6 rounded-md bg-zinc-900 px-4 py-2 text-sm font-medium text-white dark:bg-zinc-100 dark:text-zinc-900"
      >
        Try again
      </button>
    </div>
  );
}
