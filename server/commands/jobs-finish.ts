import "server-only";
import { z } from "zod";
import { exitStatusSchema, finishDetailSchema } from "@/lib/stacks-inputs";
import { defineCommand } from "../route-kit/command";
import { finishOne } from "./finish-one";
import { jobParams } from "./inputs";

export const jobsFinish = defineCommand({
  name: "jobs.finish",
  permission: "jobs.write",
  params: jobParams,
  body: z.object({ exitStatus: exitStatusSchema.default(-1), detail: finishDetailSchema }),
  async run({ params, body }, { runtime, operator, signal }) {
    try {
      const { confirmedByState } = await finishOne(
        runtime,
        operator,
        { stackKey: params.key, jobId: params.id, exitStatus: body.exitStatus, reason: body.detail },
        signal,
      );
      return {
        data: { jobId: params.id, finished: true, exitStatus: body.exitStatus },
        summary: { finished: true, ...(confirmedByState ? { confirmedByState } : {}) },
      };
    } finally {
      runtime.live.invalidateStack(params.key);
    }
  },
});
