import "server-only";
import { z } from "zod";
import { exitStatusSchema, finishDetailSchema } from "@/lib/stacks-inputs";
import { BuildkiteError } from "../buildkite/errors";
import { defineCommand } from "../command";
import { attribution } from "../operator";
import { jobParams } from "./inputs";

export const jobsFinish = defineCommand({
  name: "jobs.finish",
  permission: "jobs.write",
  params: jobParams,
  body: z.object({ exitStatus: exitStatusSchema.default(-1), detail: finishDetailSchema }),
  async run({ params, body }, { runtime, operator, signal }) {
    // The operator leads the text so Buildkite's cropping of long details can never cut them off.
    const detail = `Finished by ${attribution(operator)} via Stack Console: ${body.detail}`;
    const target = { stackKey: params.key, jobId: params.id };
    try {
      await runtime.stacks.finishJob({ ...target, exitStatus: body.exitStatus, detail }, { signal });
      return { data: { jobId: params.id, finished: true, exitStatus: body.exitStatus }, summary: { finished: true } };
    } catch (error) {
      // Finish works at most once. If an earlier attempt of ours got through before its answer was lost,
      // the retry is refused; the job's state tells whether it is in fact finished.
      if (!(error instanceof BuildkiteError && error.attempts > 1 && error.status !== null && error.status < 500)) throw error;
      const states = await runtime.stacks.getJobStates({ stackKey: params.key, jobIds: [params.id] }, { signal });
      if (states.data.states[params.id] !== "finished") throw error;
      return {
        data: { jobId: params.id, finished: true, exitStatus: body.exitStatus },
        summary: { finished: true, confirmedByState: true },
      };
    } finally {
      runtime.live.invalidateStack(params.key);
    }
  },
});
