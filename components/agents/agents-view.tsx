"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { StaleWarning } from "@/components/ui/stale-warning";
import { secondaryButton } from "@/components/ui/form-styles";
import { ApiError } from "@/lib/api/api-error";
import { filterAgents, type AgentFilters } from "@/lib/agents/filter-agents";
import { agentsQuery } from "@/lib/queries/agents";
import type { Agent, AgentsList } from "@/lib/schemas/agents";
import { AgentFiltersBar } from "./agent-filters";
import { AgentsTable } from "./agents-table";

const box =
  "flex min-h-48 flex-col items-center justify-center gap-3 rounded-lg border border-dashed border-zinc-300 px-4 py-8 text-center dark:border-zinc-700";

function byQueue(agents: readonly Agent[]): [string, Agent[]][] {
  const groups = new Map<string, Agent[]>();
  for (const agent of agents) groups.set(agent.queue, [...(groups.get(agent.queue) ?? []), agent]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function QueueCounts({ summary }: { summary: AgentsList["queues"][number] | undefined }) {
  if (summary === undefined) return null;
  const { busy, idle, lost } = summary.states;
  return (
    <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">
      {summary.total} agents · {busy} busy · {idle} idle{lost > 0 ? ` · ${lost} lost` : ""}
    </span>
  );
}

/** The agents by queue, read again every poll interval; a failed read keeps the last good list under a warning. */
export function AgentsView({ pollIntervalMs }: { pollIntervalMs: number }) {
  const [filters, setFilters] = useState<AgentFilters>({});
  const query = useQuery({ ...agentsQuery(), refetchInterval: pollIntervalMs, placeholderData: keepPreviousData });
  const data = query.data?.data;
  const error = query.error instanceof ApiError ? query.error : null;
  const shown = data === undefined ? [] : filterAgents(data.agents, filters);

  return (
    <div className="mt-6 space-y-4">
      <AgentFiltersBar filters={filters} queues={data?.queues.map((q) => q.queue) ?? []} onChange={setFilters} />
      {error && <StaleWarning error={error} hasData={data !== undefined} />}
      {data === undefined ? (
        error ? (
          <div className={box}>
            <p className="font-medium">The agents could not be loaded.</p>
            <button type="button" className={secondaryButton} onClick={() => void query.refetch()}>
              Try again
            </button>
          </div>
        ) : (
          <div className={box} role="status">
            <p className="animate-pulse text-zinc-600 dark:text-zinc-400">Loading agents…</p>
          </div>
        )
      ) : (
        <>
          <p className="text-sm text-zinc-600 dark:text-zinc-400" aria-live="polite">
            {shown.length} of {data.agents.length} agents
          </p>
          {shown.length === 0 ? (
            <div className={box}>
              <p className="font-medium">No agents match the filters</p>
              <button type="button" className={secondaryButton} onClick={() => setFilters({})}>
                Clear filters
              </button>
            </div>
          ) : (
            byQueue(shown).map(([queue, agents]) => (
              <section key={queue} aria-labelledby={`queue-${queue}`} className="space-y-2">
                <h2 id={`queue-${queue}`} className="flex flex-wrap items-baseline gap-3 text-lg font-semibold">
                  <span className="font-mono">{queue}</span>
                  <QueueCounts summary={data.queues.find((summary) => summary.queue === queue)} />
                </h2>
                <AgentsTable queue={queue} agents={agents} />
              </section>
            ))
          )}
        </>
      )}
    </div>
  );
}
