"use client";

import { useId, useState, type FormEvent } from "react";
import { FilterField } from "@/components/ui/filter-field";
import { fieldClass, primaryButton, secondaryButton } from "@/components/ui/form-styles";
import { noBuildFilters, type BuildFilters } from "@/lib/filters/builds";
import { buildStates } from "@/lib/build-states";
import { PipelinePicker } from "./pipeline-picker";

interface BuildFiltersFormProps {
  filters: BuildFilters;
  /** Called with the new filters (page back to 1); the caller writes them into the URL. */
  onApply: (filters: BuildFilters) => void;
}

/**
 * Pipeline and branch apply on Enter or Apply, not on every keystroke: each change is a history entry and
 * an upstream read. A pipeline picked from the list and the state apply as soon as they are picked. The
 * caller remounts the form when the URL changes (back/forward), so the fields always show the filters of
 * the list below them.
 */
export function BuildFiltersForm({ filters, onApply }: BuildFiltersFormProps) {
  const id = useId();
  const [pipeline, setPipeline] = useState(filters.pipeline);
  const [branch, setBranch] = useState(filters.branch);
  const apply = (next: Partial<BuildFilters>) =>
    onApply({ pipeline: pipeline.trim(), branch: branch.trim(), state: filters.state, ...next, page: 1 });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const anyFilter = filters.pipeline !== "" || filters.branch !== "" || filters.state !== "";

  return (
    <form role="search" aria-label="Filter builds" onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <PipelinePicker
        id={`${id}-picker`}
        value={filters.pipeline}
        onPick={(slug) => {
          setPipeline(slug);
          apply({ pipeline: slug });
        }}
      />
      <FilterField id={`${id}-pipeline`} label="Pipeline">
        <input
          id={`${id}-pipeline`}
          name="pipeline"
          value={pipeline}
          onChange={(event) => setPipeline(event.target.value)}
          placeholder="any pipeline (slug)"
          autoComplete="off"
          spellCheck={false}
          className={`${fieldClass} mt-1 w-48 font-mono`}
        />
      </FilterField>
      <FilterField id={`${id}-branch`} label="Branch">
        <input
          id={`${id}-branch`}
          name="branch"
          value={branch}
          onChange={(event) => setBranch(event.target.value)}
          placeholder="any branch"
          autoComplete="off"
          spellCheck={false}
          className={`${fieldClass} mt-1 w-48 font-mono`}
        />
      </FilterField>
      <FilterField id={`${id}-state`} label="State">
        <select
          id={`${id}-state`}
          name="state"
          value={filters.state}
          onChange={(event) => apply({ state: event.target.value })}
          className={`${fieldClass} mt-1 max-w-64`}
        >
          <option value="">any state</option>
          {buildStates.map((state) => (
            <option key={state} value={state}>
              {state === "finished" ? "finished (passed/failed/blocked/canceled)" : state.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </FilterField>
      <button type="submit" className={primaryButton}>
        Apply
      </button>
      {anyFilter && (
        <button type="button" className={secondaryButton} onClick={() => onApply(noBuildFilters)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
