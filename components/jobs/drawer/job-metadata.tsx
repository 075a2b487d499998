"use client";

import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { useNow } from "@/components/ui/use-now";
import { formatAge, secondsSince } from "@/lib/format";
import type { ScheduledJob } from "@/lib/schemas/jobs";

function Waiting({ since }: { since: string }) {
  // Only this line ticks, so the rest of the drawer is not re-rendered every second.
  const now = useNow();
  return <>{formatAge(secondsSince(since, now))}</>;
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-2 py-1">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** What the scheduled list knows about the job; gone once the job leaves the list. */
export function JobMetadata({ job }: { job: ScheduledJob | undefined }) {
  if (!job) {
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        This job is not in the scheduled list now (reserved, running, finished or unknown), so its pipeline and wait are
        not shown. Its state, history and actions below still work.
      </p>
    );
  }
  return (
    <dl className="text-sm">
      <Item label="Pipeline">{job.pipeline.slug ?? "—"}</Item>
      <Item label="Build">
        {job.build.number === null ? (
          "—"
        ) : job.pipeline.slug ? (
          <Link
            href={`/builds/${encodeURIComponent(job.pipeline.slug)}/${job.build.number}`}
            className="text-blue-700 hover:underline dark:text-blue-400"
          >
            Build #{job.build.number}
          </Link>
        ) : (
          `#${job.build.number}`
        )}
      </Item>
      <Item label="Branch">
        <span className="font-mono">{job.build.branch ?? "—"}</span>
      </Item>
      <Item label="Step key">
        <span className="font-mono">{job.step.key ?? "—"}</span>
      </Item>
      <Item label="Query rules">
        {job.agentQueryRules.length === 0 ? (
          "—"
        ) : (
          <ul className="flex flex-wrap gap-1">
            {job.agentQueryRules.map((rule) => (
              <li key={rule} className="rounded bg-zinc-100 px-1.5 font-mono text-xs dark:bg-zinc-800">
                {rule}
              </li>
            ))}
          </ul>
        )}
      </Item>
      <Item label="Priority">{job.priority}</Item>
      <Item label="Scheduled at">
        <LocalTime iso={job.scheduledAt} />
      </Item>
      <Item label="Waiting">
        <span className="tabular-nums" data-testid="drawer-waiting">
          <Waiting since={job.scheduledAt} />
        </span>
      </Item>
    </dl>
  );
}
