"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { queuesQuery } from "@/lib/queries/stacks";

const stackHref = (stackKey: string, queueKey: string) =>
  `/stacks/${encodeURIComponent(stackKey)}?queue=${encodeURIComponent(queueKey)}`;

/** The stack page's heading: the queue, its stack, and the way to the other watched queues and to job states. */
export function StackTitle({ stackKey, queueKey }: { stackKey: string; queueKey: string }) {
  const watched = useQuery(queuesQuery(stackKey));
  const queueKeys = watched.data?.data.queueKeys ?? [];
  return (
    <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <h1 className="text-2xl font-semibold tracking-tight">
        Queue <span className="font-mono">{queueKey}</span>
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        stack <span className="font-mono">{stackKey}</span>
      </p>
      {queueKeys.length > 1 && (
        <nav aria-label="Watched queues" className="flex flex-wrap gap-2 text-sm">
          {queueKeys.map((key) =>
            key === queueKey ? (
              <span
                key={key}
                aria-current="page"
                className="rounded-md bg-zinc-900 px-2 py-0.5 font-mono text-white dark:bg-zinc-100 dark:text-zinc-900"
              >
                {key}
              </span>
            ) : (
              <Link
                key={key}
                href={stackHref(stackKey, key)}
                className="rounded-md border border-zinc-300 px-2 py-0.5 font-mono text-blue-700 hover:bg-zinc-100 dark:border-zinc-700 dark:text-blue-400 dark:hover:bg-zinc-800"
              >
                {key}
              </Link>
            ),
          )}
        </nav>
      )}
      <nav aria-label="Stack" className="ml-auto flex gap-4 text-sm">
        <Link href="/" className="text-blue-700 hover:underline dark:text-blue-400">
          All queues
        </Link>
        <Link
          href={`/stacks/${encodeURIComponent(stackKey)}/states?queue=${encodeURIComponent(queueKey)}`}
          className="text-blue-700 hover:underline dark:text-blue-400"
        >
          Job states
        </Link>
      </nav>
    </header>
  );
}
