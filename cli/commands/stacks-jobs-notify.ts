import { z } from "zod";
import { NOTIFICATION_DETAIL_MAX_CHARS, charCount, notificationDetailInput } from "@/lib/inputs/stacks";
import { defineCommand } from "../command";
import { fields, required } from "../options";
import { stackKeyField, stackOptions } from "./stacks-options";

export const stacksJobsNotify = defineCommand({
  name: "stacks.jobs.notify",
  description: "show a note on a job's build page, e.g. why it is waiting (Stacks API)",
  options: [
    stackOptions.stackKey,
    stackOptions.jobId,
    { ...stackOptions.detail, description: `the note (at most ${NOTIFICATION_DETAIL_MAX_CHARS} characters)` },
  ],
  raw: true,
  input: z.object({
    ...stackKeyField,
    jobId: fields.jobId,
    detail: required(
      notificationDetailInput.refine(
        (text) => charCount(text) <= NOTIFICATION_DETAIL_MAX_CHARS,
        `must be at most ${NOTIFICATION_DETAIL_MAX_CHARS} characters`,
      ),
    ),
  }),
  request: (input) => ({ stackKey: input.stackKey, jobId: input.jobId, detail: input.detail }),
  async run(input, context) {
    const result = await context.stacks().createNotifications(
      { stackKey: input.stackKey, notifications: [{ jobId: input.jobId, detail: input.detail }] },
      // Sent twice, a note would show twice on the build page.
      { noRetry: true },
    );
    const { errors } = result.data;
    return { summary: { sent: errors.length === 0 }, data: context.raw ? result.raw : { errors } };
  },
});
