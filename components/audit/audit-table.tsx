import { DataTable, type DataColumn } from "@/components/ui/data-table";
import type { AuditEntry } from "@/lib/schemas/audit";

const td = "px-2.5 py-2 align-top";
const auditColumns: DataColumn[] = [
  "Time",
  "Operator",
  "Action",
  "Stack / jobs",
  "Reason",
  "Outcome",
  "Request ID",
].map((label) => ({ label }));

const outcomeStyle: Record<AuditEntry["outcome"], string> = {
  ok: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  failed: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200",
  unknown: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
};

/** Absolute UTC times: an audit trail is compared across people and time zones. */
export const utc = (iso: string) => `${iso.slice(0, 19).replace("T", " ")} UTC`;

function AuditRow({ entry }: { entry: AuditEntry }) {
  const jobs = entry.jobIds;
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800" data-testid="audit-row">
      <td className={`${td} whitespace-nowrap tabular-nums`}>{utc(entry.startedAt)}</td>
      <td className={td}>
        <span className="block" title={entry.operatorEmail ?? undefined}>
          {entry.operatorName}
        </span>
        <span className="block text-xs text-zinc-600 dark:text-zinc-400">{entry.role}</span>
      </td>
      <td className={`${td} font-mono text-xs whitespace-nowrap`}>{entry.action}</td>
      <td className={`${td} font-mono text-xs`}>
        {entry.stackKey && <span className="block">{entry.stackKey}</span>}
        {jobs.length === 1 ? (
          <span className="block break-all">{jobs[0]}</span>
        ) : jobs.length > 1 ? (
          <span className="block" title={jobs.join("\n")}>
            {jobs.length} jobs
          </span>
        ) : null}
      </td>
      <td className={`${td} max-w-96 min-w-48`}>
        <span className="line-clamp-3 break-words whitespace-pre-wrap">{entry.reason ?? "—"}</span>
      </td>
      <td className={td}>
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${outcomeStyle[entry.outcome]}`}>
          {entry.outcome}
        </span>
        {entry.upstreamStatus !== null && (
          <span className="ml-1 text-xs tabular-nums">HTTP {entry.upstreamStatus}</span>
        )}
        {entry.message && (
          <span className="mt-1 block max-w-72 text-xs break-words text-zinc-600 dark:text-zinc-400">
            {entry.message}
          </span>
        )}
      </td>
      <td className={`${td} font-mono text-xs text-zinc-600 dark:text-zinc-400`}>{entry.requestId}</td>
    </tr>
  );
}

export function AuditTable({ entries, busy }: { entries: AuditEntry[]; busy: boolean }) {
  return (
    <DataTable caption="Audit log, newest first" columns={auditColumns} padding="px-2.5" busy={busy}>
      {entries.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
    </DataTable>
  );
}
