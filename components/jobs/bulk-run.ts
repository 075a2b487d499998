"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/api/api-error";
import { finishRows, isFailure, reserveRows, type BulkResultRow } from "@/lib/bulk-results";
import type { BulkFinishOutcome } from "@/lib/schemas/jobs";
import { useFinishJobsBulk, useReserveJobs } from "@/lib/mutations/jobs";

export type BulkKind = "reserve" | "finish";

export interface BulkRunState {
  kind: BulkKind;
  jobIds: readonly string[];
  running: boolean;
  done: number;
  rows: BulkResultRow[];
  /** Why the action as a whole failed or stopped early; per-job reasons are in the rows. */
  error: string | null;
}

const describe = (error: unknown) =>
  error instanceof ApiError
    ? `${error.error.type}: ${error.message}`
    : error instanceof Error
      ? error.message
      : "The action failed.";

/**
 * Runs one bulk action at a time and keeps its per-job results until the operator dismisses them. The ids
 * are fixed when the action starts: a refresh that changes the selection does not change what is acted on.
 */
export function useBulkRun(stackKey: string, onAllSucceeded: (jobIds: readonly string[]) => void) {
  const { mutateAsync: reserveJobs } = useReserveJobs(stackKey);
  const { mutateAsync: finishJobsBulk } = useFinishJobsBulk(stackKey);
  const [state, setState] = useState<BulkRunState | null>(null);
  const outcomesRef = useRef<BulkFinishOutcome[]>([]);
  const frameRef = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    },
    [],
  );

  const settle = useCallback(
    (next: BulkRunState) => {
      setState(next);
      if (next.error === null && next.rows.every((row) => !isFailure(row.outcome))) onAllSucceeded(next.jobIds);
    },
    [onAllSucceeded],
  );

  const reserve = useCallback(
    async (jobIds: readonly string[], expirySeconds: number) => {
      const base = { kind: "reserve" as const, jobIds, done: 0, rows: [] };
      setState({ ...base, running: true, error: null });
      try {
        const envelope = await reserveJobs({ jobIds, expirySeconds });
        const interruption = envelope.summary.interruption;
        settle({
          ...base,
          running: false,
          done: jobIds.length,
          rows: reserveRows(jobIds, envelope.data),
          error: typeof interruption === "string" ? `The reservation stopped early: ${interruption}` : null,
        });
      } catch (error) {
        settle({ ...base, running: false, error: describe(error) });
      }
    },
    [reserveJobs, settle],
  );

  const finish = useCallback(
    async (jobIds: readonly string[], exitStatus: number, detail: string) => {
      outcomesRef.current = [];
      const base = { kind: "finish" as const, jobIds };
      setState({ ...base, running: true, done: 0, rows: [], error: null });
      // Thousands of progress lines can arrive in a burst; paint them once a frame, not once a line.
      const flush = () => {
        frameRef.current = null;
        const outcomes = outcomesRef.current;
        setState((current) =>
          current?.running ? { ...current, done: outcomes.length, rows: finishRows(jobIds, outcomes, false) } : current,
        );
      };
      try {
        await finishJobsBulk({
          jobIds,
          exitStatus,
          detail,
          onProgress: (_done, _total, result) => {
            outcomesRef.current.push(result);
            frameRef.current ??= requestAnimationFrame(flush);
          },
        });
        settle({
          ...base,
          running: false,
          done: jobIds.length,
          rows: finishRows(jobIds, outcomesRef.current, true),
          error: null,
        });
      } catch (error) {
        // An error envelope means the server refused the action before finishing anything; any other
        // failure broke the stream mid-way, so jobs without an answer may or may not be finished.
        const outcomes = outcomesRef.current;
        const refused = error instanceof ApiError && outcomes.length === 0;
        settle({
          ...base,
          running: false,
          done: outcomes.length,
          rows: finishRows(jobIds, outcomes, !refused),
          error: describe(error),
        });
      } finally {
        if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
        frameRef.current = null;
      }
    },
    [finishJobsBulk, settle],
  );

  const dismiss = useCallback(() => setState((current) => (current?.running ? current : null)), []);

  return { state, reserve, finish, dismiss };
}
