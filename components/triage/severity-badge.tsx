import { Info, OctagonAlert, TriangleAlert, type LucideIcon } from "lucide-react";
import type { FindingSeverity } from "@/lib/schemas/triage";
import { levelPill } from "@/components/queue/level-styles";

// The queue header's pills, so a critical finding looks like a critical queue: icon and word, never colour alone.
const icons: Record<FindingSeverity, LucideIcon> = { critical: OctagonAlert, warning: TriangleAlert, info: Info };
const pills: Record<FindingSeverity, string> = {
  critical: levelPill.critical,
  warning: levelPill.warning,
  info: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
};

export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const Icon = icons[severity];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-bold uppercase ${pills[severity]}`}
      data-severity={severity}
    >
      <Icon aria-hidden className="size-3.5" />
      {severity}
    </span>
  );
}
