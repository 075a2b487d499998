import { z } from "zod";
import type { BuildkiteUser } from "@/lib/schemas/buildkite-user";

import { parseBuildkiteDate } from "./rest-dates";

/** A date in either of Buildkite's forms, normalised to ISO; an unreadable date is a wrong shape. */
export const restDate = z.string().transform((value, ctx) => {
  const iso = parseBuildkiteDate(value);
  if (iso === null) {
    ctx.addIssue({ code: "custom", message: `not a date: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return iso;
});

const optionalString = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const optionalDate = restDate.nullish().transform((value) => value ?? null);

export interface RestCluster {
  id: string;
  name: string;
  description: string | null;
  defaultQueueId: string | null;
  createdAt: string | null;
}

/** A Buildkite user as other records name them. Either part may be missing: a creator can come with its ids only. */
export interface RestClusterQueue {
  id: string;
  key: string;
  description: string | null;
  dispatchPaused: boolean;
  dispatchPausedBy: BuildkiteUser | null;
  dispatchPausedAt: string | null;
  dispatchPausedNote: string | null;
  createdAt: string | null;
}

export const restUserSchema = z
  .object({ name: optionalString, email: optionalString })
  .transform((wire): BuildkiteUser => ({ name: wire.name, email: wire.email }));

export const clusterSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: optionalString,
    default_queue_id: optionalString,
    created_at: optionalDate,
  })
  .transform((wire): RestCluster => ({
    id: wire.id,
    name: wire.name,
    description: wire.description,
    defaultQueueId: wire.default_queue_id,
    createdAt: wire.created_at,
  }));

export const clusterQueueSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    description: optionalString,
    dispatch_paused: z.boolean().nullish(),
    dispatch_paused_by: restUserSchema.nullish(),
    dispatch_paused_at: optionalDate,
    dispatch_paused_note: optionalString,
    created_at: optionalDate,
  })
  .transform((wire): RestClusterQueue => ({
    id: wire.id,
    key: wire.key,
    description: wire.description,
    dispatchPaused: wire.dispatch_paused === true,
    dispatchPausedBy: wire.dispatch_paused_by ?? null,
    dispatchPausedAt: wire.dispatch_paused_at,
    dispatchPausedNote: wire.dispatch_paused_note,
    createdAt: wire.created_at,
  }));

export const clusterListSchema = z.array(clusterSchema);
export const clusterQueueListSchema = z.array(clusterQueueSchema);
