import "server-only";
import { reserveResultSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import {
  MAX_BATCH_IDS,
  RESERVATION_EXPIRY_DEFAULT_SECONDS,
  bulkJobIdListInput,
  reservationExpiryInput,
} from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { attribution } from "../auth/operator";
import { settleAfterError } from "../store/ledger-outcome";
import { stackInput } from "../stacks/stack-inputs";

export const jobsReserve = defineCommand({
  name: "jobs.reserve",
  permission: "jobs.write",
  output: reserveResultSchema,
  params: stackInput,
  body: z.object({
    jobIds: bulkJobIdListInput,
    expirySeconds: reservationExpiryInput.default(RESERVATION_EXPIRY_DEFAULT_SECONDS),
  }),
  async run({ params, body }, { runtime, operator, signal }) {
    const { ledger } = runtime;
    const stackKey = params.key;
    const by = attribution(operator);
    const reserved: string[] = [];
    const notReserved: string[] = [];
    let raw: unknown[] = [];
    let interruption: string | null = null;
    try {
      // Buildkite takes at most 1000 ids a call; batches go one after another to stay inside the
      // per-stack reserve budget (10 a second) that the production stack shares.
      for (let start = 0; start < body.jobIds.length; start += MAX_BATCH_IDS) {
        const batch = body.jobIds.slice(start, start + MAX_BATCH_IDS);
        const held = await ledger.reservedJobs(stackKey, batch);
        const events = await ledger.begin(
          batch.map((jobId) => ({
            stackKey,
            jobId,
            action: held.has(jobId) ? "extend" : "reserve",
            operator: by,
            detail: `${body.expirySeconds} s`,
          })),
        );
        try {
          const result = await runtime.stacks.reserveJobs(
            { stackKey, jobIds: batch, expirySeconds: body.expirySeconds },
            { signal },
          );
          raw = [...raw, result.raw];
          const expiresAt = new Date(Date.now() + body.expirySeconds * 1000).toISOString();
          const won = new Set(result.data.reserved);
          const reservedAt = new Date().toISOString();
          const settlements = batch.map((jobId, i) => {
            const id = events[i]?.id ?? "";
            if (won.has(jobId)) {
              reserved.push(jobId);
              return { id, outcome: "ok" as const };
            }
            notReserved.push(jobId);
            return {
              id,
              outcome: "failed" as const,
              message: "Buildkite did not reserve it (reserved elsewhere, started, finished or unknown)",
            };
          });
          await ledger.settle(settlements);
          await ledger.recordReservations(
            batch
              .filter((jobId) => won.has(jobId))
              .map((jobId) => ({
                stackKey,
                jobId,
                reservedBy: by,
                reservedAt,
                expiresAt,
                expirySeconds: body.expirySeconds,
              })),
          );
        } catch (error) {
          await settleAfterError(
            ledger,
            events.map((e) => e.id),
            error,
          );
          // With nothing reserved yet the whole action failed; after that, report what did happen.
          if (reserved.length === 0 && notReserved.length === 0) throw error;
          interruption = error instanceof Error ? error.message : "the reservation was interrupted";
          notReserved.push(...body.jobIds.slice(start));
          break;
        }
      }
    } finally {
      runtime.live.invalidateStack(stackKey);
    }
    const expiresAt = new Date(Date.now() + body.expirySeconds * 1000).toISOString();
    return {
      data: { reserved, notReserved, expirySeconds: body.expirySeconds, expiresAt },
      raw: raw.length === 1 ? raw[0] : raw,
      summary: {
        reserved: reserved.length,
        notReserved: notReserved.length,
        ...(interruption ? { interruption } : {}),
      },
    };
  },
});
