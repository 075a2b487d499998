import "server-only";
import { z } from "zod";
import { MAX_BATCH_IDS, NOTIFICATION_DETAIL_MAX_CHARS, charCount, jobIdSchema, notificationDetailSchema } from "@/lib/stacks-inputs";
import { defineCommand } from "../command";
import { validationError } from "../console-error";
import { attribution } from "../operator";
import { stackParams } from "./inputs";

const notificationsBody = z.object({
  notifications: z
    .array(z.object({ jobId: jobIdSchema, detail: notificationDetailSchema }))
    .min(1, "must hold at least one notification")
    .max(MAX_BATCH_IDS, `must hold at most ${MAX_BATCH_IDS} notifications`),
});

export const jobsNotify = defineCommand({
  name: "jobs.notify",
  permission: "jobs.write",
  params: stackParams,
  body: notificationsBody,
  async run({ params, body }, { runtime, operator, signal }) {
    const signature = ` — ${attribution(operator)}`;
    const room = NOTIFICATION_DETAIL_MAX_CHARS - charCount(signature);
    const tooLong = body.notifications.flatMap((n, index) =>
      charCount(n.detail) > room
        ? [{ field: `body.notifications[${index}].detail`, message: `must be at most ${room} characters so your name fits` }]
        : [],
    );
    if (tooLong.length > 0) throw validationError(tooLong);

    const result = await runtime.stacks.createNotifications(
      {
        stackKey: params.key,
        notifications: body.notifications.map((n) => ({ jobId: n.jobId, detail: `${n.detail}${signature}` })),
      },
      { signal },
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
