import "server-only";
import { BuildkiteError } from "../buildkite/errors";
import { ConsoleError } from "../route-kit/console-error";
import { toEnvelopeError } from "../route-kit/error-envelope";
import { log } from "../log";
import { consoleMetrics } from "../metrics/registry";
import type { Operator } from "../auth/operator";
import type { Permission } from "../auth/permissions";
import type { AuditIntent, AuditSettlement } from "./audit";
import type { Store } from "./store";

// The bridge between executeCommand and the audit log: every command that needs more than `read` is a
// mutation and leaves a row. Which stack, jobs and reason a mutation concerns is read from its validated
// input by field name, so a new mutating command is on the record without anyone listing it.

type Input = { params: unknown; query: unknown; body: unknown };

const MAX_TEXT = 4096;
/** The input fields that hold an operator's reason, recorded as the row's reason rather than in its request. */
export const REASON_FIELDS = ["detail", "note"] as const;
const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const text = (value: unknown): string | null => (typeof value === "string" ? value.slice(0, MAX_TEXT) : null);

export function isMutation(spec: { permission: Permission }): boolean {
  return spec.permission !== "read";
}

export function describeMutation(action: string, input: Input, operator: Operator, requestId: string): AuditIntent {
  const params = record(input.params);
  const body = record(input.body);
  const notifications = Array.isArray(body.notifications) ? body.notifications.map(record) : null;
  const jobIds =
    typeof params.jobId === "string"
      ? [params.jobId]
      : Array.isArray(body.jobIds)
        ? body.jobIds.filter((id): id is string => typeof id === "string")
        : (notifications?.flatMap((n) => (typeof n.jobId === "string" ? [n.jobId] : [])) ?? []);
  // Why, in the operator's words: a finish's or notification's detail, or a queue pause's note.
  const reasons = notifications
    ? [...new Set(notifications.map((n) => text(n.detail)).filter((d) => d !== null))]
    : [text(body.detail) ?? text(body.note)];
  // The request as it arrived minus the long lists and the text the row already holds as job ids and reason.
  const request: Record<string, unknown> = { ...params, ...record(input.query), ...body };
  if (Array.isArray(body.jobIds)) request.jobIds = body.jobIds.length;
  if (notifications) request.notifications = notifications.length;
  for (const field of REASON_FIELDS) delete request[field];
  return {
    operator: { id: operator.id, name: operator.name, email: operator.email, role: operator.role },
    action,
    stackKey: text(params.key) ?? (action === "stacks.register" ? text(body.key) : null),
    jobIds,
    reason: reasons.filter((r) => r !== null).join("\n") || null,
    request,
    requestId,
  };
}

export function settlementFor(error: unknown, requestId: string): AuditSettlement {
  const mapped = toEnvelopeError(error, requestId).error;
  // Buildkite refusing (4xx) or the console refusing means nothing happened; a dropped connection or a 5xx
  // may have happened anyway, so those stay "unknown" rather than claim either.
  const refused =
    (error instanceof BuildkiteError && error.status !== null && error.status < 500) || error instanceof ConsoleError;
  return {
    outcome: refused ? "failed" : "unknown",
    upstreamStatus: mapped.httpStatus,
    errorType: mapped.type,
    message: mapped.message,
  };
}

export interface AuditTrail {
  succeeded(summary: Record<string, unknown> | undefined): Promise<void>;
  failed(error: unknown): Promise<void>;
}

/**
 * Writes the intent and returns how to settle it. A mutation whose intent cannot be written does not run:
 * an action the log cannot show must not happen. A failure to settle only leaves the row "unknown".
 */
export async function beginAudit(
  openStore: () => Promise<Store>,
  action: string,
  input: Input,
  operator: Operator,
  requestId: string,
): Promise<AuditTrail> {
  let audit;
  let id: string;
  const metrics = consoleMetrics().audit;
  try {
    audit = (await openStore()).audit;
    id = await audit.begin(describeMutation(action, input, operator, requestId));
    metrics.write(action, "intent", true);
  } catch (error) {
    metrics.write(action, "intent", false);
    log().error({ err: error, requestId }, "could not record an audit intent");
    // The store already says why it is unavailable, in words for the operator.
    if (error instanceof ConsoleError) throw error;
    throw new ConsoleError(
      "internal_error",
      "The audit log could not record this action, so it was not attempted.",
      "audit_unavailable",
    );
  }
  const settle = (s: AuditSettlement) => {
    metrics.outcome(action, s.outcome);
    return audit.settle(id, s).then(
      () => metrics.write(action, "outcome", true),
      (error: unknown) => {
        metrics.write(action, "outcome", false);
        log().error({ err: error, auditId: id, requestId }, "could not record an audit outcome");
      },
    );
  };
  return {
    succeeded: (summary) => settle({ outcome: "ok", result: summary ?? {} }),
    failed: (error) => settle(settlementFor(error, requestId)),
  };
}
