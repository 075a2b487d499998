"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "@/lib/api/api-error";
import { triageQuery } from "@/lib/queries/triage";
import type { Finding } from "@/lib/schemas/triage";
import { cardClass, linkButton } from "@/components/ui/form-styles";
import { StaleWarning } from "@/components/ui/stale-warning";
import { FindingItem } from "./finding-item";

interface WhyJobsWaitPanelProps {
  stackKey: string;
  queueKey: string;
  /** The page's poll interval, or false while the page's refresh is paused or live updates stream in. */
  refetchInterval: number | false;
  onShowJobs: (finding: Finding) => void;
  onSelectJobs: (finding: Finding) => void;
}

/**
 * How many findings show before "Show N more": the most pressing few answer the question, and a queue in
 * real trouble can have many, which would push the jobs table an operator acts on off the screen.
 */
export const FINDINGS_SHOWN = 3;

/**
 * Why jobs wait: the server's findings over the shared queue snapshot, most pressing first. A failed refresh
 * keeps the last findings on screen under a warning: an operator mid-incident should not lose them.
 */
export function WhyJobsWaitPanel({
  stackKey,
  queueKey,
  refetchInterval,
  onShowJobs,
  onSelectJobs,
}: WhyJobsWaitPanelProps) {
  const triage = useQuery({ ...triageQuery(stackKey, queueKey), refetchInterval, placeholderData: keepPreviousData });
  const findings = triage.data?.findings;
  const warnings = triage.data?.summary.warnings ?? [];
  const [showAll, setShowAll] = useState(false);
  const hidden = findings === undefined || showAll ? 0 : Math.max(0, findings.length - FINDINGS_SHOWN);
  return (
    <section aria-labelledby="why-jobs-wait-heading" className={`${cardClass} space-y-2`} data-testid="why-jobs-wait">
      <h2 id="why-jobs-wait-heading" className="text-base font-semibold">
        Why jobs wait
      </h2>
      {triage.error instanceof ApiError && <StaleWarning error={triage.error} hasData={findings !== undefined} />}
      {warnings.map((warning) => (
        <p key={warning} className="text-sm text-amber-900 dark:text-amber-200">
          {warning}
        </p>
      ))}
      {findings === undefined ? (
        !triage.error && <p className="text-sm text-zinc-600 dark:text-zinc-400">Looking for what holds jobs back…</p>
      ) : findings.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">Nothing is holding jobs back.</p>
      ) : (
        <>
          <ul id="why-jobs-wait-findings" className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {findings.slice(0, findings.length - hidden).map((finding) => (
              <FindingItem
                stackKey={stackKey}
                key={`${finding.kind}:${finding.jobIds[0] ?? ""}`}
                finding={finding}
                onShowJobs={onShowJobs}
                onSelectJobs={onSelectJobs}
              />
            ))}
          </ul>
          {findings.length > FINDINGS_SHOWN && (
            <button
              type="button"
              className={linkButton}
              aria-expanded={showAll}
              aria-controls="why-jobs-wait-findings"
              onClick={() => setShowAll((all) => !all)}
            >
              {showAll ? "Show only the most pressing" : `Show ${hidden} more finding${hidden === 1 ? "" : "s"}`}
            </button>
          )}
        </>
      )}
    </section>
  );
}
