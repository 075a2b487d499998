"use client";

interface BulkActionBarProps {
  stackKey: string;
  queueKey: string;
  selectedIds: readonly string[];
  onClear: () => void;
}

export function BulkActionBar({ selectedIds, onClear }: BulkActionBarProps) {
  return (
    <div role="region" aria-label="Bulk actions" className="flex items-center gap-3 rounded-lg border border-blue-300 bg-blue-50 px-4 py-2 text-sm dark:border-blue-500/40 dark:bg-blue-500/10">
      <span>{selectedIds.length} selected</span>
      <button type="button" onClick={onClear} className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 dark:border-zinc-700 dark:bg-zinc-900">
        Clear selection
      </button>
    </div>
  );
}
