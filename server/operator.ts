import "server-only";
import { NOTIFICATION_DETAIL_MAX_CHARS, charCount } from "@/lib/stacks-inputs";
import type { Config } from "./config";
import type { Role } from "./permissions";

export interface Operator {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

const demoOperator: Operator = { id: "demo", name: "Demo Operator", email: null, role: "admin" };

/**
 * Who is making the request. Until sign-in exists only demo mode has an operator; a live deployment
 * gets the same local operator, which is why the console must not be exposed beyond a trusted network yet.
 */
export function resolveOperator(_headers: Headers, _cfg: Config): Operator {
  return demoOperator;
}

/** How an operator is named in text the console sends to Buildkite on their behalf. */
export function attribution(operator: Operator): string {
  return operator.email ? `${operator.name} <${operator.email}>` : operator.name;
}

/** What the console appends to each notification, so its reader knows who is handling the job. */
export const notificationSignature = (operator: Operator) => ` — ${attribution(operator)}`;

/** How many characters of a notification are left for the operator once their signature is appended. */
export const notificationRoom = (operator: Operator) => NOTIFICATION_DETAIL_MAX_CHARS - charCount(notificationSignature(operator));
