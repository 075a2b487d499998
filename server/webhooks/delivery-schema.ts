import "server-only";
import { z } from "zod";
import { validationError } from "../route-kit/console-error";

// What the console reads of a payload, and nothing more: a webhook is a signal to refresh, so only the
// fields that say what to refresh (and, for agents, what to keep for triage) are checked. Everything else
// passes through unread, so a field Buildkite adds or changes tomorrow breaks nothing.

const text = (max: number) => z.string().max(max);

const agentSchema = z.looseObject({
  id: text(200).optional(),
  name: text(500).optional(),
  connection_state: text(100).optional(),
  // Agent tags as Buildkite sends them ("queue=linux"); bounded because they are kept in memory.
  meta_data: z.array(text(500)).max(100).optional(),
});

export const deliverySchema = z.looseObject({
  event: z.string().min(1).max(100),
  job: z.looseObject({ id: text(200).optional() }).optional(),
  build: z.looseObject({ number: z.number().int().positive().optional() }).optional(),
  pipeline: z.looseObject({ slug: text(200).optional() }).optional(),
  agent: agentSchema.optional(),
});

export type Delivery = z.infer<typeof deliverySchema>;
export type DeliveredAgent = z.infer<typeof agentSchema>;

export function parseDelivery(body: unknown): Delivery {
  const parsed = deliverySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? issue.path.join(".") : "body";
  throw validationError([{ field, message: issue?.message ?? "is not a Buildkite delivery" }]);
}
