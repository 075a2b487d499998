"use client";

import { FilterField } from "@/components/ui/filter-field";
import { fieldClass } from "@/components/ui/form-styles";
import type { AgentFilters } from "@/lib/agents/filter-agents";
import { agentStateFilters, type AgentStateFilter } from "@/lib/schemas/agents";

const STATE_LABELS: Record<AgentStateFilter, string> = {
  connected: "Connected (busy or idle)",
  busy: "Busy",
  idle: "Idle",
  lost: "Lost",
};

const isStateFilter = (value: string): value is AgentStateFilter =>
  (agentStateFilters as readonly string[]).includes(value);

/** Queue, state and text: each change applies at once, since the whole list is already in the browser. */
export function AgentFiltersBar({
  filters,
  queues,
  onChange,
}: {
  filters: AgentFilters;
  queues: readonly string[];
  onChange: (next: AgentFilters) => void;
}) {
  return (
    <form
      role="search"
      aria-label="Filter agents"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterField id="agents-queue" label="Queue">
        <select
          id="agents-queue"
          className={fieldClass}
          value={filters.queue ?? ""}
          onChange={(event) => onChange({ ...filters, queue: event.target.value || undefined })}
        >
          <option value="">All queues</option>
          {queues.map((queue) => (
            <option key={queue} value={queue}>
              {queue}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="agents-state" label="State">
        <select
          id="agents-state"
          className={fieldClass}
          value={filters.state ?? ""}
          onChange={(event) => {
            const value = event.target.value;
            onChange({ ...filters, state: isStateFilter(value) ? value : undefined });
          }}
        >
          <option value="">Any state</option>
          {agentStateFilters.map((state) => (
            <option key={state} value={state}>
              {STATE_LABELS[state]}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id="agents-text" label="Name, host or tag">
        <input
          id="agents-text"
          type="search"
          className={fieldClass}
          placeholder="e.g. docker=true"
          value={filters.q ?? ""}
          onChange={(event) => onChange({ ...filters, q: event.target.value })}
        />
      </FilterField>
    </form>
  );
}
