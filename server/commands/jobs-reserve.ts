import "server-only";
import { reserveResultSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { RESERVATION_EXPIRY_DEFAULT_SECONDS, bulkJobIdListInput, reservationExpiryInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { reserveInBatches } from "../stacks/reserve-batches";
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
    try {
      const { reserved, notReserved, raw, interruption } = await reserveInBatches(
        runtime,
        operator,
        { stackKey: params.key, jobIds: body.jobIds, expirySeconds: body.expirySeconds, release: false },
        signal,
      );
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
    } finally {
      await runtime.live.invalidateStack(params.key);
    }
  },
});
