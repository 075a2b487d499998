/**
 * A moment as the operator's clock shows it, with the zone named so it can be compared with a chat
 * message or another person's screen: "03:14:07 CET, 2026-12-06". The zone is the browser's unless given.
 */
export function formatLocalMoment(iso: string, timeZone?: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("hour")}:${part("minute")}:${part("second")} ${part("timeZoneName")}, ${part("year")}-${part("month")}-${part("day")}`;
}
