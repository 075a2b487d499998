import Link from "next/link";
import { durationSeconds, formatDurationSeconds, shortSha } from "@/lib/build-format";
import type { BuildSummary } from "@/lib/schemas/builds";
import { userLabel } from "@/lib/schemas/buildkite-user";
import { RelativeTime } from "./relative-time";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { StateBadge } from "./state-badge";

export const buildHref = (pipeline: string, number: number) => `/builds/${encodeURIComponent(pipeline)}/${number}`;

const td = "px-2.5 py-2 align-top";
const buildColumns: DataColumn[] = [
  { label: "State" },
  { label: "Build" },
  { label: "Message" },
  { label: "Branch" },
  { label: "Commit" },
  { label: "Creator" },
  { label: "Created" },
  { label: "Started / finished" },
  { label: "Duration", numeric: true },
];

function BuildRow({ build, now }: { build: BuildSummary; now: number }) {
  const firstLine = build.message?.split("\n")[0] ?? "";
  return (
    <tr
      className="border-t border-zinc-100 hover:bg-zinc-50 dark:border-zinc-800 dark:hover:bg-zinc-800/60"
      data-testid="build-row"
    >
      <td className={td}>
        <StateBadge state={build.state} />
        {build.blocked && <span className="ml-1 text-xs font-medium text-amber-800 dark:text-amber-300">blocked</span>}
      </td>
      <td className={`${td} whitespace-nowrap`}>
        <Link
          href={buildHref(build.pipeline.slug, build.number)}
          className="rounded font-medium text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
        >
          {build.pipeline.slug} #{build.number}
        </Link>
      </td>
      <td className={`${td} max-w-72 min-w-48`}>
        <span className="line-clamp-2 break-words" title={build.message ?? undefined}>
          {firstLine || <span className="text-zinc-500 dark:text-zinc-400">no message</span>}
        </span>
      </td>
      <td className={`${td} max-w-40 truncate font-mono text-xs`} title={build.branch ?? undefined}>
        {build.branch ?? "—"}
      </td>
      <td className={`${td} font-mono text-xs`} title={build.commit}>
        {shortSha(build.commit)}
      </td>
      <td className={`${td} max-w-32 truncate`} title={build.creator?.email ?? undefined}>
        {build.creator ? userLabel(build.creator) : "—"}
      </td>
      <td className={`${td} whitespace-nowrap tabular-nums`}>
        <RelativeTime iso={build.createdAt} now={now} />
      </td>
      <td className={`${td} whitespace-nowrap tabular-nums`}>
        <span className="block">
          <span className="sr-only">started </span>
          <RelativeTime iso={build.startedAt} now={now} />
        </span>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">
          <span className="sr-only">finished </span>
          <RelativeTime iso={build.finishedAt} now={now} />
        </span>
      </td>
      <td className={`${td} text-right whitespace-nowrap tabular-nums`} suppressHydrationWarning>
        {formatDurationSeconds(durationSeconds(build.startedAt, build.finishedAt, now))}
      </td>
    </tr>
  );
}

/** One page of builds, newest first as Buildkite lists them. */
export function BuildsTable({ builds, now, busy }: { builds: BuildSummary[]; now: number; busy: boolean }) {
  return (
    <DataTable caption="Builds, newest first" columns={buildColumns} padding="px-2.5" busy={busy}>
      {builds.map((build) => (
        <BuildRow key={build.id} build={build} now={now} />
      ))}
    </DataTable>
  );
}
