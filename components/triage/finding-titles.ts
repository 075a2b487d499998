import type { FindingKind } from "@/lib/schemas/triage";

/** A finding's kind as a heading, and as the chip names the finding that narrowed the table. */
export const findingTitles: Record<FindingKind, string> = {
  dispatch_paused: "Dispatch is paused",
  no_matching_agent: "No agent matches",
  all_matching_agents_busy: "Every matching agent is busy",
  waiting_over_slo: "Waiting over the SLO",
  reservation_expired: "Reservations ran out",
  build_no_longer_running: "Build no longer running",
  priority_starvation: "Lower priorities starved",
};
