"use client";

import { useCallback, useState } from "react";
import { ApiError } from "@/lib/api/api-error";
import { useExtendReservations, useFinishReserved, useReleaseReservations } from "@/lib/mutations/reservations";
import {
  extendRows,
  failedRows,
  finishedRows,
  releaseRows,
  type ReservationAction,
  type ReservationResultRow,
} from "@/lib/reservation-results";

export interface ReservationTarget {
  stackKey: string;
  jobId: string;
}

export type ReservationRequest =
  | { action: "extend"; expirySeconds: number }
  | { action: "release" }
  | { action: "finish"; exitStatus: number; detail: string };

export interface ReservationRunState {
  action: ReservationAction;
  targets: readonly ReservationTarget[];
  running: boolean;
  rows: ReservationResultRow[];
}

const describe = (error: unknown) =>
  error instanceof ApiError
    ? `${error.error.type}: ${error.message}`
    : error instanceof Error
      ? error.message
      : "The action failed.";

/** The targets grouped by the stack that holds them, each stack's jobs in the order they were picked. */
function byStack(targets: readonly ReservationTarget[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const { stackKey, jobId } of targets) groups.set(stackKey, [...(groups.get(stackKey) ?? []), jobId]);
  return groups;
}

/**
 * Runs one action on picked reservations at a time, one request per stack (each stack's own route, so the
 * server's roles, ledger and audit apply), and keeps every job's result until the operator dismisses it.
 * The targets are fixed when the action starts: a refresh that changes the list changes nothing here.
 */
export function useReservationRun() {
  const { mutateAsync: extend } = useExtendReservations();
  const { mutateAsync: release } = useReleaseReservations();
  const { mutateAsync: finish } = useFinishReserved();
  const [state, setState] = useState<ReservationRunState | null>(null);

  const run = useCallback(
    async (targets: readonly ReservationTarget[], request: ReservationRequest) => {
      setState({ action: request.action, targets, running: true, rows: [] });
      let rows: ReservationResultRow[] = [];
      for (const [stackKey, jobIds] of byStack(targets)) {
        let stackRows: ReservationResultRow[];
        try {
          if (request.action === "extend") {
            const envelope = await extend({ stackKey, jobIds, expirySeconds: request.expirySeconds });
            stackRows = extendRows(stackKey, jobIds, envelope.data);
          } else if (request.action === "release") {
            stackRows = releaseRows(stackKey, jobIds, (await release({ stackKey, jobIds })).data);
          } else {
            const envelope = await finish({
              stackKey,
              jobIds,
              exitStatus: request.exitStatus,
              detail: request.detail,
            });
            stackRows = finishedRows(stackKey, envelope.data.results);
          }
        } catch (error) {
          stackRows = failedRows(stackKey, jobIds, describe(error));
        }
        rows = [...rows, ...stackRows];
        const soFar = rows;
        setState((current) => (current ? { ...current, rows: soFar } : current));
      }
      setState((current) => (current ? { ...current, running: false } : current));
      return rows;
    },
    [extend, release, finish],
  );

  const dismiss = useCallback(() => setState((current) => (current?.running ? current : null)), []);

  return { state, run, dismiss };
}
