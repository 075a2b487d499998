import "server-only";
import { notifyResultSchema } from "@/lib/schemas/jobs";
import { z } from "zod";
import { MAX_BATCH_IDS, jobIdInput, notificationDetailInput, notificationLengthIssue } from "@/lib/inputs/stacks";
import { defineCommand } from "../route-kit/command";
import { validationError } from "../route-kit/console-error";
import { attribution, notificationRoom, notificationSignature } from "../auth/operator";
import { settleAfterError } from "../store/ledger-outcome";
import { stackInput } from "../stacks/stack-inputs";

const notificationsInput = z.object({
  notifications: z
    .array(z.object({ jobId: jobIdInput, detail: notificationDetailInput }))
    .min(1, "must hold at least one notification")
    .max(MAX_BATCH_IDS, `must hold at most ${MAX_BATCH_IDS} notifications`),
});

export const jobsNotify = defineCommand({
  name: "jobs.notify",
  permission: "jobs.write",
  output: notifyResultSchema,
  params: stackInput,
  body: notificationsInput,
  async run({ params, body }, { runtime, operator, signal }) {
    const signature = notificationSignature(operator);
    const room = notificationRoom(operator);
    // The body's schema checks only that there is text: the length limit depends on who sends it, and is
    // stated once, as the room this operator has (what the drawer's form says too).
    const tooLong = body.notifications.flatMap((n, index) => {
      const message = notificationLengthIssue(n.detail, room);
      return message ? [{ field: `body.notifications[${index}].detail`, message }] : [];
    });
    if (tooLong.length > 0) throw validationError(tooLong);

    const by = attribution(operator);
    const events = await runtime.ledger.begin(
      body.notifications.map((n) => ({
        stackKey: params.key,
        jobId: n.jobId,
        action: "notify",
        operator: by,
        detail: n.detail,
      })),
    );
    let result;
    try {
      result = await runtime.stacks.createNotifications(
        {
          stackKey: params.key,
          notifications: body.notifications.map((n) => ({ jobId: n.jobId, detail: `${n.detail}${signature}` })),
        },
        { signal },
      );
    } catch (error) {
      await settleAfterError(
        runtime.ledger,
        events.map((e) => e.id),
        error,
      );
      throw error;
    }
    const failedWith = new Map<number, string>();
    for (const e of result.data.errors) for (const i of e.indexes) failedWith.set(i, e.error);
    await runtime.ledger.settle(
      events.map((event, i) => {
        const failure = failedWith.get(i);
        return { id: event.id, outcome: failure === undefined ? "ok" : "failed", message: failure ?? null };
      }),
    );
    // Buildkite stores every notification it does not list as failed; name the jobs behind each index.
    const errors = result.data.errors.map((e) => ({
      error: e.error,
      indexes: e.indexes,
      jobIds: e.indexes.flatMap((i) => body.notifications[i]?.jobId ?? []),
    }));
    const failed = new Set(errors.flatMap((e) => e.indexes)).size;
    return {
      data: { sent: body.notifications.length - failed, failed, errors },
      raw: result.raw,
      summary: { sent: body.notifications.length - failed, failed },
    };
  },
});
