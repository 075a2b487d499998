import type { Finding } from "@/lib/schemas/triage";
import { LocalTime } from "@/components/ui/local-time";
import { secondaryButton } from "@/components/ui/form-styles";
import { ResumeDispatch } from "@/components/queue/resume-dispatch";
import { findingTitle } from "./finding-titles";
import { SeverityBadge } from "./severity-badge";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

interface FindingItemProps {
  stackKey: string;
  finding: Finding;
  onShowJobs: (finding: Finding) => void;
  onSelectJobs: (finding: Finding) => void;
}

/** One finding: what holds the jobs, what to do about it, and buttons to look at or act on exactly those jobs. */
export function FindingItem({ stackKey, finding, onShowJobs, onSelectJobs }: FindingItemProps) {
  const title = findingTitle(finding);
  const jobs = finding.jobIds.length;
  return (
    <li className="space-y-2 py-3" data-testid="triage-finding" data-kind={finding.kind}>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={finding.severity} />
        <h3 className="text-sm font-semibold">{title}</h3>
        <span className="text-sm text-zinc-600 dark:text-zinc-400">
          {plural(finding.count, "job")}
          {finding.since && (
            <>
              {" · since "}
              <LocalTime iso={finding.since} />
            </>
          )}
        </span>
      </div>
      <p className="text-sm">{finding.explanation}</p>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        <span className="font-medium">Suggested: </span>
        {finding.suggestedAction}
      </p>
      {(jobs > 0 || finding.kind === "dispatch_paused") && (
        <div className="flex flex-wrap items-start gap-2">
          {/* The names start with the visible words and add the finding, as several findings sit side by side. */}
          {jobs > 0 && (
            <button
              type="button"
              className={secondaryButton}
              onClick={() => onShowJobs(finding)}
              aria-label={`Show these ${plural(jobs, "job")} (${title})`}
            >
              Show these {plural(jobs, "job")}
            </button>
          )}
          {/* A paused queue's remedy is to resume it; reserving or finishing its jobs would not help. */}
          {finding.kind === "dispatch_paused" && (
            <ResumeDispatch
              stackKey={stackKey}
              queueKey={finding.details.queueKey}
              label={`Resume dispatch of queue ${finding.details.queueKey} (${title})`}
            />
          )}
          {/* Selecting them brings up the table's bulk bar: reserve or finish them the usual way. */}
          {finding.kind !== "dispatch_paused" && jobs > 0 && (
            <button
              type="button"
              className={secondaryButton}
              onClick={() => onSelectJobs(finding)}
              aria-label={`Select them to reserve or finish (${title})`}
            >
              Select them to reserve or finish
            </button>
          )}
        </div>
      )}
    </li>
  );
}
