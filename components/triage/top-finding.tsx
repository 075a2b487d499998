"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { triageQuery } from "@/lib/queries/triage";
import { findingTitle } from "./finding-titles";
import { SeverityBadge } from "./severity-badge";

interface TopFindingProps {
  stackKey: string;
  queueKey: string;
  refetchInterval: number;
}

/**
 * A queue card's one line of "why": the most pressing finding (the server ranks them), linking to the stack
 * page where the whole panel is. Triage is computed on the shared snapshot, so a card's poll costs no
 * upstream call.
 */
export function TopFinding({ stackKey, queueKey, refetchInterval }: TopFindingProps) {
  const triage = useQuery({ ...triageQuery(stackKey, queueKey), refetchInterval });
  const top = triage.data?.findings[0];
  const href = `/stacks/${encodeURIComponent(stackKey)}?queue=${encodeURIComponent(queueKey)}`;
  return (
    <p className="flex min-h-6 min-w-0 items-center gap-2 text-sm" data-testid="top-finding">
      {triage.data === undefined ? (
        <span className="text-zinc-600 dark:text-zinc-400">
          {triage.error ? "Findings unavailable." : "Looking for what holds jobs back…"}
        </span>
      ) : top === undefined ? (
        <span className="text-zinc-700 dark:text-zinc-300">Nothing is holding jobs back.</span>
      ) : (
        <>
          <SeverityBadge severity={top.severity} />
          <Link
            href={href}
            title={top.explanation}
            className="truncate font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:text-blue-300"
          >
            {findingTitle(top)}
          </Link>
        </>
      )}
    </p>
  );
}
