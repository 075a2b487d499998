import { ExternalLink } from "lucide-react";
import type { ReactNode } from "react";
import { CopyButton } from "@/components/jobs/copy-button";
import { durationSeconds, formatDurationSeconds, shortSha } from "@/lib/build-format";
import type { BuildSummary } from "@/lib/schemas/builds";
import { userLabel } from "@/lib/schemas/buildkite-user";
import { RelativeTime } from "./relative-time";
import { StateBadge } from "./state-badge";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs tracking-wide text-zinc-600 uppercase dark:text-zinc-400">{label}</dt>
      <dd className="mt-0.5 min-w-0 text-sm break-words">{children}</dd>
    </div>
  );
}

/** Who started the build, on what, and how far it got. */
export function BuildHeader({ build, now }: { build: BuildSummary; now: number }) {
  const [title, ...rest] = (build.message ?? "").split("\n");
  const body = rest.join("\n").trim();
  return (
    <header className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          <span className="font-mono">{build.pipeline.slug}</span> #{build.number}
        </h1>
        <StateBadge state={build.state} label="Build state" />
        {build.blocked && (
          <span className="rounded-full border border-amber-400 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-500/60 dark:text-amber-200">
            blocked: waiting for an unblock
          </span>
        )}
        {build.webUrl && (
          <a
            href={build.webUrl}
            target="_blank"
            rel="noopener noreferrer"
            className="ml-auto inline-flex items-center gap-1 rounded text-sm text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-500 dark:text-blue-400"
          >
            Open in Buildkite
            <ExternalLink aria-hidden className="size-3.5" />
          </a>
        )}
      </div>
      {build.pipeline.name && build.pipeline.name !== build.pipeline.slug && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Pipeline {build.pipeline.name}</p>
      )}
      <div>
        <p className="text-lg font-medium break-words">
          {title || <span className="text-zinc-500 dark:text-zinc-400">No message</span>}
        </p>
        {body && (
          <p className="mt-1 text-sm break-words whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{body}</p>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-4">
        <Fact label="Branch">
          <span className="font-mono">{build.branch ?? "—"}</span>
        </Fact>
        <Fact label="Commit">
          <span className="inline-flex items-center gap-1">
            <span className="font-mono" title={build.commit}>
              {shortSha(build.commit)}
            </span>
            <CopyButton text={build.commit} label="Copy commit sha" />
          </span>
        </Fact>
        <Fact label="Creator">
          <span title={build.creator?.email ?? undefined}>{build.creator ? userLabel(build.creator) : "—"}</span>
        </Fact>
        <Fact label="Source">{build.source ?? "—"}</Fact>
        <Fact label="Created">
          <RelativeTime iso={build.createdAt} now={now} />
        </Fact>
        <Fact label="Started">
          <RelativeTime iso={build.startedAt} now={now} />
        </Fact>
        <Fact label="Finished">
          <RelativeTime iso={build.finishedAt} now={now} />
        </Fact>
        <Fact label="Duration">
          <span className="tabular-nums" suppressHydrationWarning>
            {formatDurationSeconds(durationSeconds(build.startedAt, build.finishedAt, now))}
          </span>
        </Fact>
      </dl>
    </header>
  );
}
