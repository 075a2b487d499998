import "server-only";
import { Counter, type Registry } from "prom-client";
import type { AuditOutcome } from "@/lib/schemas/audit";

/**
 * The audit log's writes (a mutation's intent before Buildkite is called, its outcome after) and how the
 * mutations ended. A failed intent write stops the mutation; a failed outcome write leaves its row unknown.
 */
export function createAuditMetrics(registry: Registry) {
  const writes = new Counter({
    name: "stack_console_audit_writes_total",
    help: "Writes to the audit log by action, step (intent, before Buildkite is called; outcome, after) and result (written or failed)",
    labelNames: ["action", "step", "result"] as const,
    registers: [registry],
  });
  const outcomes = new Counter({
    name: "stack_console_audit_outcomes_total",
    help: "How audited changes ended, by action and outcome (ok, failed, or unknown when Buildkite's answer never came)",
    labelNames: ["action", "outcome"] as const,
    registers: [registry],
  });
  return {
    write(action: string, step: "intent" | "outcome", written: boolean): void {
      writes.inc({ action, step, result: written ? "written" : "failed" });
    },
    outcome(action: string, outcome: AuditOutcome): void {
      outcomes.inc({ action, outcome });
    },
  };
}
