import type { Finding, FindingKind } from "@/lib/schemas/triage";

const titles: Record<FindingKind, string> = {
  dispatch_paused: "Dispatch is paused",
  no_matching_agent: "No agent matches",
  all_matching_agents_busy: "Every matching agent is busy",
  waiting_over_slo: "Over the wait SLO",
  reservation_expired: "Reservations ran out",
  build_no_longer_running: "Build no longer running",
  priority_starvation: "Lower priorities starved",
};

/**
 * A finding as a heading, and as the chip names the finding that narrowed the table. Findings of one kind
 * can come several at a time (one per set of unmet rules), so those name what tells them apart.
 */
export function findingTitle(finding: Finding): string {
  const title = titles[finding.kind];
  if (finding.kind === "no_matching_agent" && finding.details.unmetRules.length > 0)
    return `${title} ${finding.details.unmetRules.join(", ")}`;
  if (finding.kind === "all_matching_agents_busy" && finding.details.rules.length > 0)
    return `${title} (${finding.details.rules.join(", ")})`;
  return title;
}
