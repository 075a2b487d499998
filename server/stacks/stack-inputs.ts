import "server-only";
import { z } from "zod";
import { jobIdInput, queueKeyInput, stackKeyInput } from "@/lib/inputs/stacks";
import type { Runtime } from "../runtime";

export const stackInput = z.object({ key: stackKeyInput });
export const stackJobInput = z.object({ key: stackKeyInput, jobId: jobIdInput });

/** The queue a request names, or the first configured one. */
export const queueInput = z.object({ queue: queueKeyInput.optional() });

export function watchedQueue(runtime: Runtime, requested: string | undefined): string {
  return requested ?? runtime.config.queueKeys[0] ?? "_default";
}
