"use client";

import { useQueryClient } from "@tanstack/react-query";
import { ApiError } from "@/lib/api/api-error";
import { findJobId, shortId } from "@/lib/filters/jobs";
import { jobIdInput } from "@/lib/inputs/stacks";
import { jobStatesQuery, reservationsQuery } from "@/lib/queries/stacks";

interface JumpTargets {
  stackKey: string;
  rows: readonly string[];
  /** Jobs waiting behind "+N new". */
  newIds: readonly string[];
  allIds: readonly string[];
  focusRow(id: string): void;
  /** Shows the new jobs, then focuses and scrolls to `id` once they are on screen. */
  mergeAndFocus(id: string): void;
  /** Opens the job's drawer, which reads its state and history whether or not it is listed. */
  openJob(id: string): void;
}

const lookupFailed = (error: unknown) =>
  `Could not look the job up: ${error instanceof ApiError || error instanceof Error ? error.message : "the request failed"}.`;

/**
 * "Jump to job": focuses the row an id (or its prefix) names, showing it first if it waits behind "+N new".
 * A job that is not scheduled may be reserved: one this console holds is found by prefix in its
 * reservations, any other by its full id through Buildkite's job states; either opens in the drawer.
 * Otherwise it says why it cannot (hidden by the filters, or no such job).
 */
export function useJobJump({ stackKey, rows, newIds, allIds, focusRow, mergeAndFocus, openJob }: JumpTargets) {
  const queryClient = useQueryClient();
  return async (query: string): Promise<string | null> => {
    const onScreen = findJobId(rows, query);
    if (onScreen) {
      focusRow(onScreen);
      return null;
    }
    const waiting = findJobId(newIds, query);
    if (waiting) {
      mergeAndFocus(waiting);
      return null;
    }
    const hidden = findJobId(allIds, query);
    if (hidden) return `Job ${shortId(hidden)} is hidden by the filters.`;
    try {
      const reservations = await queryClient.fetchQuery(reservationsQuery());
      const held = reservations.data.filter((r) => r.stackKey === stackKey).map((r) => r.jobId);
      const reserved = findJobId(held, query);
      if (reserved) {
        openJob(reserved);
        return null;
      }
      const id = query.trim().toLowerCase();
      if (!jobIdInput.safeParse(id).success) {
        return `No scheduled or reserved job matches “${query.trim()}” (a full id finds jobs in any state).`;
      }
      const states = await queryClient.fetchQuery(jobStatesQuery(stackKey, [id]));
      if (states.data.states[id] === undefined) return `No job has the id “${id}”.`;
      openJob(id);
      return null;
    } catch (error) {
      return lookupFailed(error);
    }
  };
}
