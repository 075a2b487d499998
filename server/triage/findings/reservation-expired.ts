import "server-only";
import type { Finding } from "@/lib/schemas/triage";
import type { TriageContext } from "../context";
import { age, listed, plural } from "../wording";

/**
 * Jobs the console reserved whose reservation ran out before anyone finished them: whatever held them let go
 * (or died), and Buildkite hands them back to the queue.
 */
export function reservationExpired(context: TriageContext): Finding[] {
  const expired = (context.input.reservations ?? []).filter((r) => !r.finished && r.expiresAt <= context.now);
  if (expired.length === 0) return [];
  const firstExpiry = Math.min(...expired.map((r) => r.expiresAt));
  const holders = [...new Set(expired.flatMap((r) => (r.reservedBy ? [r.reservedBy] : [])))].sort();
  const byWhom = holders.length > 0 ? ` by ${listed(holders)}` : "";
  const seconds = (context.now - firstExpiry) / 1000;
  const one = expired.length === 1;
  return [
    {
      kind: "reservation_expired",
      severity: "warning",
      jobIds: expired.map((r) => r.jobId),
      count: expired.length,
      since: new Date(firstExpiry).toISOString(),
      maxWaitSeconds: seconds,
      explanation: `${plural(expired.length, "job")} reserved through the console${byWhom} ${one ? "was" : "were"} never finished and ${one ? "its reservation" : "their reservations"} ran out, the first ${age(seconds)} ago.`,
      suggestedAction:
        "Check whether the work they were reserved for happened, then finish them or reserve them again.",
      details: {
        reservedBy: holders,
        expiredAt: expired.map((r) => new Date(r.expiresAt).toISOString()),
      },
    },
  ];
}
