import "server-only";
import { bulkFinishResultSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { bulkJobIdListInput, exitStatusInput, finishDetailInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { finishOne } from "../stacks/finish-one";
import { stackInput } from "../stacks/stack-inputs";

// Finish has no batch endpoint. Eight at a time keeps a 5000-job finish to minutes while staying far
// below the per-stack finish budget (100 a second) that the production stack shares.
const CONCURRENCY = 8;

interface Outcome {
  jobId: string;
  outcome: "finished" | "failed";
  error: string | null;
}

export const jobsFinishBulk = defineCommand({
  name: "jobs.finish.bulk",
  permission: "jobs.write",
  output: bulkFinishResultSchema,
  params: stackInput,
  body: z.object({ jobIds: bulkJobIdListInput, exitStatus: exitStatusInput.default(-1), detail: finishDetailInput }),
  async run({ params, body }, { runtime, operator, signal, progress }) {
    const results: Outcome[] = new Array(body.jobIds.length);
    let next = 0;
    let done = 0;
    async function worker() {
      for (let i = next++; i < body.jobIds.length; i = next++) {
        const jobId = body.jobIds[i] ?? "";
        let result: Outcome;
        if (signal.aborted) {
          result = { jobId, outcome: "failed", error: "not attempted: the request was cancelled" };
        } else {
          try {
            await finishOne(
              runtime,
              operator,
              { stackKey: params.key, jobId, exitStatus: body.exitStatus, reason: body.detail },
              signal,
            );
            result = { jobId, outcome: "finished", error: null };
          } catch (error) {
            result = { jobId, outcome: "failed", error: error instanceof Error ? error.message : "failed" };
          }
        }
        results[i] = result;
        done += 1;
        progress?.({ progress: { done, total: body.jobIds.length, result } });
      }
    }
    try {
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, body.jobIds.length) }, worker));
    } finally {
      await runtime.live.invalidateStack(params.key);
    }
    const finished = results.filter((r) => r.outcome === "finished").length;
    return {
      data: { results, finished, failed: results.length - finished },
      summary: { finished, failed: results.length - finished },
    };
  },
});
