import "server-only";
import { releaseResultSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { bulkJobIdListInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { reserveInBatches } from "../stacks/reserve-batches";
import { stackInput } from "../stacks/stack-inputs";

/** The shortest expiry the Stacks API takes: the job is `scheduled` again a second later. */
export const RELEASE_EXPIRY_SECONDS = 1;

export const jobsRelease = defineCommand({
  name: "jobs.release",
  permission: "jobs.write",
  output: releaseResultSchema,
  params: stackInput,
  body: z.object({ jobIds: bulkJobIdListInput }),
  async run({ params, body }, { runtime, operator, signal }) {
    try {
      const { reserved, notReserved, raw, interruption } = await reserveInBatches(
        runtime,
        operator,
        { stackKey: params.key, jobIds: body.jobIds, expirySeconds: RELEASE_EXPIRY_SECONDS, release: true },
        signal,
      );
      return {
        data: { released: reserved, notReleased: notReserved },
        raw: raw.length === 1 ? raw[0] : raw,
        summary: {
          released: reserved.length,
          notReleased: notReserved.length,
          ...(interruption ? { interruption } : {}),
        },
      };
    } finally {
      await runtime.live.invalidateStack(params.key);
    }
  },
});
