import "server-only";
import { jobStatesSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { jobIdListInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { stackInput } from "../stacks/stack-inputs";

export const jobsStates = defineCommand({
  name: "jobs.states",
  permission: "read",
  output: jobStatesSchema,
  params: stackInput,
  body: z.object({ jobIds: jobIdListInput }),
  async run({ params, body }, { runtime, signal }) {
    // Open drawers and the states panel poll this every interval: the next poll is the retry, and a
    // failure retried inside it would leave the operator looking at stale states for the whole backoff.
    const result = await runtime.stacks.getJobStates(
      { stackKey: params.key, jobIds: body.jobIds },
      { signal, noRetry: true },
    );
    const { states } = result.data;
    // Buildkite leaves unknown ids out of the answer; say so rather than let them vanish.
    const unknown = body.jobIds.filter((id) => !(id in states));
    const counts: Record<string, number> = {};
    for (const state of Object.values(states)) counts[state] = (counts[state] ?? 0) + 1;
    return {
      data: { states, unknown },
      raw: result.raw,
      summary: { count: Object.keys(states).length, unknown: unknown.length, states: counts },
    };
  },
});
