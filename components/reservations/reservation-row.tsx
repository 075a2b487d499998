"use client";

import Link from "next/link";
import { CopyButton } from "@/components/jobs/copy-button";
import { formatAge, secondsSince } from "@/lib/format";
import { shortId } from "@/lib/filters/jobs";
import type { Reservation } from "@/lib/schemas/jobs";
import { LocalTime } from "@/components/ui/local-time";

const cell = "px-3 py-2";
const link = "text-blue-700 underline-offset-2 hover:underline dark:text-blue-300";
const missing = <span className="text-zinc-500 dark:text-zinc-400">—</span>;

function Countdown({ expiresAt, now }: { expiresAt: string; now: number }) {
  const left = (Date.parse(expiresAt) - now) / 1000;
  if (!(left > 0)) return <span className="font-semibold text-red-700 dark:text-red-300">expired</span>;
  // Under a minute left is worth the operator's eye: extend it or let it go.
  const tone = left < 60 ? "font-semibold text-amber-800 dark:text-amber-300" : "";
  return <span className={tone}>in {formatAge(left)}</span>;
}

interface ReservationRowProps {
  reservation: Reservation;
  now: number;
  selected: boolean;
  onToggle: (range: boolean) => void;
}

export function ReservationRow({ reservation, now, selected, onToggle }: ReservationRowProps) {
  const { stackKey, jobId, reservedBy, reservedAt, expiresAt, pipelineSlug, buildNumber, queueKey } = reservation;
  const short = shortId(jobId);
  return (
    <tr data-job-id={jobId} className="border-t border-zinc-100 dark:border-zinc-800">
      <td className={cell}>
        <input
          type="checkbox"
          aria-label={`Select job ${short}`}
          checked={selected}
          onChange={(event) => onToggle((event.nativeEvent as MouseEvent).shiftKey === true)}
          className="size-4 accent-blue-600"
        />
      </td>
      <td className={cell}>{pipelineSlug ?? missing}</td>
      <td className={`${cell} tabular-nums`}>
        {pipelineSlug !== null && buildNumber !== null ? (
          <Link
            href={`/builds/${encodeURIComponent(pipelineSlug)}/${buildNumber}`}
            aria-label={`Build ${buildNumber} of ${pipelineSlug}`}
            className={link}
          >
            #{buildNumber}
          </Link>
        ) : (
          missing
        )}
      </td>
      <td className={`${cell} font-mono text-xs`}>
        <span className="inline-flex items-center gap-0.5">
          <Link
            href={`/stacks/${encodeURIComponent(stackKey)}?job=${encodeURIComponent(jobId)}`}
            title={jobId}
            className={link}
          >
            {short}
          </Link>
          <CopyButton text={jobId} label={`Copy job id ${short}`} />
        </span>
      </td>
      <td className={`${cell} font-mono text-xs`}>{stackKey}</td>
      <td className={`${cell} font-mono text-xs`}>{queueKey ?? missing}</td>
      <td className={cell}>{reservedBy}</td>
      <td className={`${cell} tabular-nums`}>
        <LocalTime iso={reservedAt} part="time" />{" "}
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          ({formatAge(secondsSince(reservedAt, now))} ago)
        </span>
      </td>
      <td className={`${cell} tabular-nums`} data-testid="expires-in" suppressHydrationWarning>
        <time dateTime={expiresAt} title={expiresAt}>
          <Countdown expiresAt={expiresAt} now={now} />
        </time>
      </td>
    </tr>
  );
}
