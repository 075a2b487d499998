import "server-only";
import { jobHistorySchema } from "@/lib/schemas/jobs";
import { defineCommand } from "../route-kit/command";
import { notificationRoom } from "../auth/operator";
import { stackJobInput } from "../stacks/stack-inputs";

/** Buildkite's limit on stack notifications per job (https://buildkite.com/docs/apis/agent-api/stacks). */
export const NOTIFICATION_CAP_PER_JOB = 100;

export const jobsHistory = defineCommand({
  name: "jobs.history",
  permission: "read",
  output: jobHistorySchema,
  params: stackJobInput,
  async run({ params }, { runtime, operator }) {
    const { ledger } = runtime;
    const [events, notificationsSent, reservation] = await Promise.all([
      ledger.history(params.key, params.jobId),
      ledger.notificationsSent(params.key, params.jobId),
      ledger.activeReservation(params.key, params.jobId),
    ]);
    const data = {
      events,
      notificationsSent,
      notificationCap: NOTIFICATION_CAP_PER_JOB,
      notificationMaxChars: notificationRoom(operator),
      reservation,
    };
    return { data, summary: { events: events.length, reserved: data.reservation !== null } };
  },
});
