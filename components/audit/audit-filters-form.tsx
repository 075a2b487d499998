"use client";

import { useId, useState, type FormEvent } from "react";
import { FilterField } from "@/components/ui/filter-field";
import { fieldClass, primaryButton, secondaryButton } from "@/components/ui/form-styles";
import { noAuditFilters, type AuditFilters } from "@/lib/filters/audit";
import { auditActions, auditOutcomes } from "@/lib/schemas/audit";

interface AuditFiltersFormProps {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

// Times are entered and shown in UTC, the same on every operator's screen and in the CSV.
const toInput = (iso: string) => iso.slice(0, 16);
const fromInput = (value: string) => (value ? `${value}:00.000Z` : "");

/** Text fields apply on Enter or Apply; the pickers apply at once. Remounted when the URL changes. */
export function AuditFiltersForm({ filters, onApply }: AuditFiltersFormProps) {
  const id = useId();
  const [operator, setOperator] = useState(filters.operator);
  const [jobId, setJobId] = useState(filters.jobId);
  const [from, setFrom] = useState(toInput(filters.from));
  const [to, setTo] = useState(toInput(filters.to));
  const apply = (next: Partial<AuditFilters>) =>
    onApply({
      ...filters,
      operator: operator.trim(),
      jobId: jobId.trim(),
      from: fromInput(from),
      to: fromInput(to),
      ...next,
      page: 1,
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply({});
  };
  const anyFilter = Object.entries(filters).some(([name, value]) => name !== "page" && value !== "");

  return (
    <form role="search" aria-label="Filter the audit log" onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <FilterField id={`${id}-operator`} label="Operator">
        <input
          id={`${id}-operator`}
          value={operator}
          onChange={(e) => setOperator(e.target.value)}
          placeholder="name or email"
          autoComplete="off"
          className={`${fieldClass} mt-1 w-44`}
        />
      </FilterField>
      <FilterField id={`${id}-action`} label="Action">
        <select
          id={`${id}-action`}
          value={filters.action}
          onChange={(e) => apply({ action: e.target.value })}
          className={`${fieldClass} mt-1`}
        >
          <option value="">any action</option>
          {auditActions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id={`${id}-job`} label="Job ID">
        <input
          id={`${id}-job`}
          value={jobId}
          onChange={(e) => setJobId(e.target.value)}
          placeholder="any job (its ID or first 8 characters)"
          autoComplete="off"
          spellCheck={false}
          className={`${fieldClass} mt-1 w-80 font-mono`}
        />
      </FilterField>
      <FilterField id={`${id}-outcome`} label="Outcome">
        <select
          id={`${id}-outcome`}
          value={filters.outcome}
          onChange={(e) => apply({ outcome: e.target.value })}
          className={`${fieldClass} mt-1`}
        >
          <option value="">any outcome</option>
          {auditOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcome}
            </option>
          ))}
        </select>
      </FilterField>
      <FilterField id={`${id}-from`} label="From (UTC)">
        <input
          id={`${id}-from`}
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          className={`${fieldClass} mt-1`}
        />
      </FilterField>
      <FilterField id={`${id}-to`} label="To (UTC)">
        <input
          id={`${id}-to`}
          type="datetime-local"
          value={to}
          onChange={(e) => setTo(e.target.value)}
          className={`${fieldClass} mt-1`}
        />
      </FilterField>
      <button type="submit" className={primaryButton}>
        Apply
      </button>
      {anyFilter && (
        <button type="button" className={secondaryButton} onClick={() => onApply(noAuditFilters)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
