import "server-only";
import type { AuditEntry } from "@/lib/schemas/audit";

const columns: [string, (e: AuditEntry) => unknown][] = [
  ["started_at", (e) => e.startedAt],
  ["finished_at", (e) => e.finishedAt],
  ["operator", (e) => e.operatorName],
  ["operator_email", (e) => e.operatorEmail],
  ["role", (e) => e.role],
  ["action", (e) => e.action],
  ["stack", (e) => e.stackKey],
  ["job_ids", (e) => e.jobIds.join(" ")],
  ["reason", (e) => e.reason],
  ["outcome", (e) => e.outcome],
  ["upstream_status", (e) => e.upstreamStatus],
  ["error_type", (e) => e.errorType],
  ["message", (e) => e.message],
  ["request", (e) => JSON.stringify(e.request)],
  ["result", (e) => (e.result === null ? null : JSON.stringify(e.result))],
  ["request_id", (e) => e.requestId],
  ["id", (e) => e.id],
];

/**
 * One CSV cell (RFC 4180). A reason is operator-typed text that ends up in a spreadsheet: a cell starting
 * with = + - @ (or a tab or carriage return) would run as a formula there, so it is prefixed with a quote.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvHeader = `${columns.map(([name]) => name).join(",")}\r\n`;

export function csvRow(entry: AuditEntry): string {
  return `${columns.map(([, read]) => csvCell(read(entry))).join(",")}\r\n`;
}

/** The rows as a byte stream, read from the log a page at a time as the client takes them. */
export function csvStream(entries: AsyncGenerator<AuditEntry>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvHeader));
        return;
      }
      const next = await entries.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvRow(next.value)));
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}
