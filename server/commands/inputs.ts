import "server-only";
import { z } from "zod";
import { jobIdSchema, queueKeySchema, stackKeySchema } from "@/lib/stacks-inputs";
import type { Runtime } from "../runtime";

export const stackParams = z.object({ key: stackKeySchema });
export const jobParams = z.object({ key: stackKeySchema, id: jobIdSchema });

/** The queue a request names, or the first configured one. */
export const queueQuery = z.object({ queue: queueKeySchema.optional() });

export function watchedQueue(runtime: Runtime, requested: string | undefined): string {
  return requested ?? runtime.config.queueKeys[0] ?? "_default";
}
