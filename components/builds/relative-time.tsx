import { formatAgo } from "@/lib/build-format";

/**
 * "3m 05s ago", with the exact instant (local and UTC) in the title and the machine-readable one in
 * `dateTime`. The server renders it a moment earlier than the browser hydrates, and in another time zone.
 */
export function RelativeTime({ iso, now }: { iso: string | null; now: number }) {
  if (!iso) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <time dateTime={iso} title={`${new Date(iso).toLocaleString()} (${iso})`} suppressHydrationWarning>
      {formatAgo(iso, now)}
    </time>
  );
}
