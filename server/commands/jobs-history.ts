import "server-only";
import { defineCommand } from "../command";
import { notificationRoom } from "../operator";
import { jobParams } from "./inputs";

/** Buildkite's limit on stack notifications per job (shared/reference/stacks-api.md). */
export const NOTIFICATION_CAP_PER_JOB = 100;

export const jobsHistory = defineCommand({
  name: "jobs.history",
  permission: "read",
  params: jobParams,
  async run({ params }, { runtime, operator }) {
    const { ledger } = runtime;
    const events = ledger.history(params.key, params.id);
    const data = {
      events,
      notificationsSent: ledger.notificationsSent(params.key, params.id),
      notificationCap: NOTIFICATION_CAP_PER_JOB,
      notificationMaxChars: notificationRoom(operator),
      reservation: ledger.activeReservation(params.key, params.id),
    };
    return { data, summary: { events: events.length, reserved: data.reservation !== null } };
  },
});
