import type { Stack } from "@/lib/schemas/stacks";

/** What Buildkite answered, field by field, so the operator can check it kept what they sent. */
export function RegisteredStack({ stack, created }: { stack: Stack; created: boolean }) {
  const metadata = Object.entries(stack.metadata);
  const rows: [string, string][] = [
    ["Key", stack.key],
    ["Type", stack.type],
    ["Queue key", stack.queueKey ?? "—"],
    ["ID", stack.id ?? "—"],
    ["State", stack.state ?? "—"],
    ["Organization", stack.organizationUuid ?? "—"],
    ["Last connected", stack.lastConnectedOn ?? "never"],
  ];
  return (
    <div
      role="status"
      aria-labelledby="registered-heading"
      className="mt-5 rounded-md border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-500/40 dark:bg-emerald-500/10"
    >
      <h3 id="registered-heading" className="text-sm font-semibold text-emerald-900 dark:text-emerald-200">
        {created ? "Registered" : "Updated"} stack {stack.key}
      </h3>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-zinc-700 dark:text-zinc-300">{label}</dt>
            <dd className="font-mono text-xs leading-5 break-all">{value}</dd>
          </div>
        ))}
        <div className="contents">
          <dt className="text-zinc-700 dark:text-zinc-300">Metadata</dt>
          <dd className="font-mono text-xs leading-5">
            {metadata.length === 0 ? "none" : metadata.map(([k, v]) => <div key={k}>{`${k}=${v}`}</div>)}
          </dd>
        </div>
      </dl>
    </div>
  );
}
