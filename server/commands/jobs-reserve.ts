import "server-only";
import { z } from "zod";
import { RESERVATION_EXPIRY_DEFAULT_SECONDS, jobIdListSchema, reservationExpirySchema } from "@/lib/stacks-inputs";
import { defineCommand } from "../command";
import { stackParams } from "./inputs";

export const jobsReserve = defineCommand({
  name: "jobs.reserve",
  permission: "jobs.write",
  params: stackParams,
  body: z.object({
    jobIds: jobIdListSchema,
    expirySeconds: reservationExpirySchema.default(RESERVATION_EXPIRY_DEFAULT_SECONDS),
  }),
  async run({ params, body }, { runtime, signal }) {
    try {
      const result = await runtime.stacks.reserveJobs(
        { stackKey: params.key, jobIds: body.jobIds, expirySeconds: body.expirySeconds },
        { signal },
      );
      const expiresAt = new Date(Date.now() + body.expirySeconds * 1000).toISOString();
      return {
        data: { ...result.data, expirySeconds: body.expirySeconds, expiresAt },
        raw: result.raw,
        summary: { reserved: result.data.reserved.length, notReserved: result.data.notReserved.length },
      };
    } finally {
      runtime.live.invalidateStack(params.key);
    }
  },
});
