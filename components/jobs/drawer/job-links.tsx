import Link from "next/link";
import { ExternalLink, ScrollText } from "lucide-react";
import { consoleLogPath, type JobContext } from "@/lib/job-context";

const linkClass = "inline-flex items-center gap-1 text-blue-700 hover:underline dark:text-blue-400";

/** Where to read more about the job: its page in Buildkite and its log in the console. */
export function JobLinks({ context, jobId }: { context: JobContext | undefined; jobId: string }) {
  const logPath = context ? consoleLogPath(context, jobId) : null;
  const webUrl = context?.webUrl ?? null;
  if (!logPath && !webUrl) return null;
  return (
    <nav aria-label="Job links" className="flex flex-wrap gap-x-4 gap-y-1 pb-3 text-sm">
      {webUrl && (
        <a href={webUrl} target="_blank" rel="noopener noreferrer" className={linkClass}>
          Open job in Buildkite
          <ExternalLink aria-hidden className="size-3.5" />
        </a>
      )}
      {logPath && (
        // Not prefetched: the log page reads the log from Buildkite, which only someone opening it should cost.
        <Link href={logPath} prefetch={false} className={linkClass}>
          <ScrollText aria-hidden className="size-3.5" />
          Job log
        </Link>
      )}
    </nav>
  );
}
