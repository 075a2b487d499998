import "server-only";
import { z } from "zod";
import { jobIdSchema, queueKeySchema, stackKeySchema } from "@/lib/stacks-inputs";

export const stackParams = z.object({ key: stackKeySchema });
export const jobParams = z.object({ key: stackKeySchema, id: jobIdSchema });

/** The queue a request names, or the first configured one. */
export const queueQuery = z.object({ queue: queueKeySchema.optional() });
