"use client";

import { useNow } from "@/components/ui/use-now";
import { notifyBlocked } from "@/lib/job-actions";
import { NotifyForm, type NotifyUsage } from "./notify-form";

interface NotifySectionProps {
  stackKey: string;
  jobId: string;
  state: string | undefined;
  /** When the job ended, if known (ISO time). */
  finishedAt: string | null;
  usage: NotifyUsage | undefined;
}

/** Notify, offered while Buildkite takes notifications for the job; it ticks on its own for the window. */
export function NotifySection({ stackKey, jobId, state, finishedAt, usage }: NotifySectionProps) {
  const now = useNow();
  const unavailable = notifyBlocked(state, { finishedAt: finishedAt === null ? null : Date.parse(finishedAt), now });
  return <NotifyForm stackKey={stackKey} jobId={jobId} usage={usage} unavailable={unavailable} />;
}
