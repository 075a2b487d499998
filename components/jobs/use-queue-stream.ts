"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { z } from "zod";
import { ApiError } from "@/lib/api/api-error";
import { envelopeErrorSchema } from "@/lib/api/envelope";
import { apiPaths } from "@/lib/api/paths";
import { applyToEnvelope, listVersion, type ScheduledJobsEnvelope } from "@/lib/live/apply-change-set";
import { isPartial } from "@/lib/live/first-screen";
import { changeSetSchema, streamHelloSchema, type ChangeSet } from "@/lib/schemas/change-sets";
import { queueQuery, scheduledJobsQuery } from "@/lib/queries/stacks";
import { recordMeasure } from "@/lib/user-timing";

export interface QueueStreamStatus {
  /** live: the stream is open and changes arrive as they happen; polling: it is not (yet, or any more). */
  mode: "live" | "polling";
  /** Buildkite webhooks are configured: changes reach the stream without waiting for the server's poll. */
  webhooks: boolean;
  /** The server could not read the queue: what the page shows is the last good list. */
  upstreamError: ApiError | null;
}

const upstreamSchema = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), error: envelopeErrorSchema }),
]);

/** The User Timing measure of handling one change event: parsing it and applying it to the cache. */
export const CHANGE_SET_APPLY_MEASURE = "change-set-apply";

/** Seconds before reconnecting after the n-th failure in a row: quick at first, then every 30 s. */
const backoffMs = (failures: number) => Math.min(30_000, 1_000 * 2 ** Math.min(failures, 5));

function parseData<T>(schema: z.ZodType<T>, data: unknown): T | null {
  if (typeof data !== "string") return null;
  try {
    const parsed = schema.safeParse(JSON.parse(data));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Keeps the queue's scheduled jobs current from the server's event stream while `enabled`: each change
 * set is applied to the cached list (`setQueryData`), so everything reading the list sees it as if it had
 * been polled, and nothing else on the page is touched. A change that does not follow the version held
 * (a gap) reconnects from that version; one that cannot be applied reads the list again. While the stream
 * is not open the page polls instead (mode "polling").
 */
export function useQueueStream(stackKey: string, queueKey: string, enabled: boolean): QueueStreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<QueueStreamStatus>({
    mode: "polling",
    webhooks: false,
    upstreamError: null,
  });

  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const jobsKey = scheduledJobsQuery(stackKey, queueKey).queryKey;
    const queueKeyOf = queueQuery(stackKey, queueKey).queryKey;
    const held = () => queryClient.getQueryData<ScheduledJobsEnvelope>(jobsKey);
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    // Changes that arrive while the list is being read again wait for it, then apply in order.
    let reading: Promise<unknown> | null = null;
    const waiting: ChangeSet[] = [];

    const connect = () => {
      source?.close();
      if (stopped) return;
      const opened = new EventSource(apiPaths.queueEvents(stackKey, queueKey, listVersion(held())));
      source = opened;
      opened.addEventListener("hello", (event) => {
        const hello = parseData(streamHelloSchema, event.data);
        if (hello === null) return reconnectLater();
        failures = 0;
        setStatus((current) => ({ ...current, mode: "live", webhooks: hello.webhooks, upstreamError: null }));
        if (!hello.resumed && listVersion(held()) !== hello.version) readAgain();
      });
      opened.addEventListener("change", (event) => {
        const start = performance.now();
        const change = parseData(changeSetSchema, event.data);
        if (change === null) readAgain();
        else if (reading) waiting.push(change);
        else apply(change);
        recordMeasure(CHANGE_SET_APPLY_MEASURE, start);
      });
      opened.addEventListener("upstream", (event) => {
        const said = parseData(upstreamSchema, event.data);
        if (said === null) return;
        setStatus((current) => ({ ...current, upstreamError: said.ok ? null : new ApiError(said.error, 0) }));
      });
      opened.onerror = () => reconnectLater();
    };

    const reconnectLater = () => {
      source?.close();
      source = null;
      setStatus((current) => ({ ...current, mode: "polling" }));
      clearTimeout(retry);
      retry = setTimeout(connect, backoffMs(failures++));
    };

    const apply = (change: ChangeSet) => {
      const envelope = held();
      const version = listVersion(envelope);
      if (envelope === undefined || version === null) return readAgain();
      // The HTML's first screen of rows: the whole list is being read, and what follows it resumes from it.
      if (isPartial(envelope)) return;
      if (change.version <= version) return;
      // A gap: the server still has what came between, so ask for it from the version held.
      if (change.previousVersion !== version) return connect();
      const next = applyToEnvelope(envelope, change);
      if (next === null) return readAgain();
      queryClient.setQueryData(jobsKey, next);
      const queue = queryClient.getQueryData(queueKeyOf);
      if (queue !== undefined) {
        // Who paused and why comes from another read; the counts are right here.
        if (queue.data.dispatchPaused !== change.dispatchPaused)
          void queryClient.invalidateQueries({ queryKey: queueKeyOf });
        queryClient.setQueryData(queueKeyOf, {
          ...queue,
          data: {
            ...queue.data,
            dispatchPaused: change.dispatchPaused,
            scheduledCount: change.count,
            countComplete: change.complete,
            oldestScheduledAt: next.data[0]?.scheduledAt ?? null,
          },
        });
      }
    };

    const readAgain = () => {
      if (reading) return;
      reading = queryClient
        .refetchQueries({ queryKey: jobsKey, exact: true })
        .catch(() => undefined)
        .finally(() => {
          reading = null;
          for (const change of waiting.splice(0)) apply(change);
        });
    };

    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
      setStatus((current) => ({ ...current, mode: "polling" }));
    };
  }, [enabled, queryClient, stackKey, queueKey]);

  return status;
}
