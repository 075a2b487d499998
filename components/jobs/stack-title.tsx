import Link from "next/link";

/** The stack page's heading: the queue, its stack, and the way to the other queues and to job states. */
export function StackTitle({ stackKey, queueKey }: { stackKey: string; queueKey: string }) {
  return (
    <header className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
      <h1 className="text-2xl font-semibold tracking-tight">
        Queue <span className="font-mono">{queueKey}</span>
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        stack <span className="font-mono">{stackKey}</span>
      </p>
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
