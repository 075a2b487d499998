"use client";

import { useQuery } from "@tanstack/react-query";
import { FilterField } from "@/components/ui/filter-field";
import { fieldClass } from "@/components/ui/form-styles";
import { authStatusQuery } from "@/lib/queries/auth";
import { pipelinesQuery } from "@/lib/queries/builds";
import { capabilityAccess, capabilityBlockedReason } from "./capability-access";

interface PipelinePickerProps {
  id: string;
  /** The pipeline the list is filtered by ("" for any). */
  value: string;
  onPick: (slug: string) => void;
}

/**
 * The organization's pipelines to pick from. Without read_pipelines (or when the list cannot be read) it
 * says why and stays disabled; the typed Pipeline field beside it works either way.
 */
export function PipelinePicker({ id, value, onPick }: PipelinePickerProps) {
  const auth = useQuery(authStatusQuery());
  const unavailable = capabilityBlockedReason(capabilityAccess(auth, "pipelinesList"), "The pipeline list");
  const pipelines = useQuery({ ...pipelinesQuery(), enabled: !auth.isPending && unavailable === null });
  const list = pipelines.data?.data ?? [];
  const failed = pipelines.error ? `The pipeline list is unavailable (${pipelines.error.message}).` : null;
  const reason = auth.isPending ? null : (unavailable ?? failed);
  // A pipeline typed (or linked to) that the list does not hold stays selectable, so the picker shows the filter.
  const typedOnly = value !== "" && !list.some((pipeline) => pipeline.slug === value);

  return (
    <FilterField id={id} label="Pick a pipeline">
      <select
        id={id}
        value={value}
        onChange={(event) => onPick(event.target.value)}
        disabled={reason !== null || pipelines.isPending}
        aria-describedby={reason ? `${id}-reason` : undefined}
        className={`${fieldClass} mt-1 max-w-64`}
      >
        <option value="">{pipelines.isPending && reason === null ? "loading pipelines…" : "any pipeline"}</option>
        {typedOnly && <option value={value}>{value}</option>}
        {list.map((pipeline) => (
          <option key={pipeline.slug} value={pipeline.slug}>
            {pipeline.name === pipeline.slug ? pipeline.slug : `${pipeline.name} (${pipeline.slug})`}
          </option>
        ))}
      </select>
      {reason && (
        <p id={`${id}-reason`} className="mt-1 max-w-64 text-xs text-zinc-600 dark:text-zinc-400">
          {reason} Type a pipeline slug instead.
        </p>
      )}
    </FilterField>
  );
}
