import Link from "next/link";
import { buildHref } from "@/components/builds/builds-table";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { Agent, AgentState } from "@/lib/schemas/agents";

const td = "px-3 py-2 align-top";
const columns: DataColumn[] = [{ label: "Agent" }, { label: "State" }, { label: "Tags" }, { label: "Current job" }];

const STATE_STYLES: Record<AgentState, string> = {
  busy: "bg-blue-100 text-blue-900 dark:bg-blue-500/15 dark:text-blue-200",
  idle: "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/15 dark:text-emerald-200",
  lost: "bg-red-100 text-red-900 dark:bg-red-500/15 dark:text-red-200",
  disconnected: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

function CurrentJob({ job }: { job: Agent["job"] }) {
  if (job === null) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  const label = job.name ?? job.id;
  return (
    <span>
      {job.build === null ? (
        <span className="font-mono text-xs">{label}</span>
      ) : (
        <Link
          href={buildHref(job.build.pipeline, job.build.number)}
          className="text-blue-700 hover:underline dark:text-blue-400"
        >
          {job.build.pipeline} #{job.build.number}
        </Link>
      )}
      {job.state !== null && <span className="ml-2 text-xs text-zinc-600 dark:text-zinc-400">{job.state}</span>}
    </span>
  );
}

/** One queue's agents; the caption names the queue for screen readers, as the heading does for everyone. */
export function AgentsTable({ queue, agents, busy }: { queue: string; agents: readonly Agent[]; busy?: boolean }) {
  return (
    <DataTable caption={`Agents of queue ${queue}`} columns={columns} busy={busy}>
      {agents.map((agent) => (
        <tr key={agent.id} className="border-t border-zinc-100 dark:border-zinc-800" data-testid="agent-row">
          <td className={td}>
            <div className="font-medium">{agent.name}</div>
            {agent.hostname !== null && (
              <div className="text-xs text-zinc-600 dark:text-zinc-400">{agent.hostname}</div>
            )}
          </td>
          <td className={td}>
            <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATE_STYLES[agent.state]}`}>
              {agent.state}
            </span>
          </td>
          <td className={td}>
            <ul className="flex flex-wrap gap-1" aria-label="Tags">
              {agent.tags.map((tag) => (
                <li key={tag} className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800">
                  {tag}
                </li>
              ))}
            </ul>
          </td>
          <td className={td}>
            <CurrentJob job={agent.job} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
