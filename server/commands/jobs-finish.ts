import "server-only";
import { finishResultSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { exitStatusInput, finishDetailInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { finishOne } from "../stacks/finish-one";
import { stackJobInput } from "../stacks/stack-inputs";

export const jobsFinish = defineCommand({
  name: "jobs.finish",
  permission: "jobs.write",
  output: finishResultSchema,
  params: stackJobInput,
  body: z.object({ exitStatus: exitStatusInput.default(-1), detail: finishDetailInput }),
  async run({ params, body }, { runtime, operator, signal }) {
    try {
      const { confirmedByState } = await finishOne(
        runtime,
        operator,
        { stackKey: params.key, jobId: params.jobId, exitStatus: body.exitStatus, reason: body.detail },
        signal,
      );
      return {
        data: { jobId: params.jobId, finished: true, exitStatus: body.exitStatus },
        summary: { finished: true, ...(confirmedByState ? { confirmedByState } : {}) },
      };
    } finally {
      await runtime.live.invalidateStack(params.key);
    }
  },
});
