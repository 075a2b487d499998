"use client";

import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import { useNow } from "@/components/ui/use-now";
import { formatAge, secondsSince } from "@/lib/format";
import type { JobContext } from "@/lib/job-context";

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

const sourceNote: Record<JobContext["source"], string | null> = {
  list: null,
  "last-seen":
    "The job has left the scheduled list (reserved, started or finished); these are its details as last seen there.",
  environment: "The job is not in the scheduled list; these details come from its environment in Buildkite.",
};

/** What is known about the job besides its state: pipeline, build, branch and how long it waited. */
export function JobMetadata({ context }: { context: JobContext | undefined }) {
  if (!context) return <p className="text-sm text-zinc-500 dark:text-zinc-400">Loading the job&apos;s details…</p>;
  const note = sourceNote[context.source];
  return (
    <>
      {note && (
        <p className="mb-2 text-sm text-zinc-600 dark:text-zinc-400" data-testid="context-source">
          {note}
        </p>
      )}
      <dl className="text-sm">
        <Item label="Pipeline">{context.pipeline ?? "—"}</Item>
        <Item label="Build">
          {context.buildNumber === null ? (
            "—"
          ) : context.pipeline ? (
            <Link
              href={`/builds/${encodeURIComponent(context.pipeline)}/${context.buildNumber}`}
              className="text-blue-700 hover:underline dark:text-blue-400"
            >
              Build #{context.buildNumber}
            </Link>
          ) : (
            `#${context.buildNumber}`
          )}
        </Item>
        <Item label="Branch">
          <span className="font-mono">{context.branch ?? "—"}</span>
        </Item>
        <Item label="Step key">
          <span className="font-mono">{context.stepKey ?? "—"}</span>
        </Item>
        <Item label="Query rules">
          {!context.agentQueryRules || context.agentQueryRules.length === 0 ? (
            "—"
          ) : (
            <ul className="flex flex-wrap gap-1">
              {context.agentQueryRules.map((rule) => (
                <li key={rule} className="rounded bg-zinc-100 px-1.5 font-mono text-xs dark:bg-zinc-800">
                  {rule}
                </li>
              ))}
            </ul>
          )}
        </Item>
        {context.priority !== null && <Item label="Priority">{context.priority}</Item>}
        <Item label="Scheduled at">{context.scheduledAt ? <LocalTime iso={context.scheduledAt} /> : "—"}</Item>
        <Item label={context.waitEndedAt ? "Waited" : "Waiting"}>
          <span className="tabular-nums" data-testid="drawer-waiting">
            {!context.scheduledAt ? (
              "—"
            ) : context.waitEndedAt ? (
              formatAge(secondsSince(context.scheduledAt, Date.parse(context.waitEndedAt)))
            ) : (
              <Waiting since={context.scheduledAt} />
            )}
          </span>
        </Item>
      </dl>
    </>
  );
}
