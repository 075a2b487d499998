/** Time left on a reservation, as the drawer's countdown shows it. */
export interface Countdown {
  remainingSeconds: number;
  expired: boolean;
  /** "14:59", "1:00:00", or "expired". */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function countdown(expiresAt: string, now: number): Countdown {
  const end = Date.parse(expiresAt);
  // Whole seconds rounded up, so "0:01" shows until the very moment the reservation lapses.
  const remainingSeconds = Number.isFinite(end) ? Math.max(0, Math.ceil((end - now) / 1000)) : 0;
  if (remainingSeconds === 0) return { remainingSeconds, expired: true, label: "expired" };
  const h = Math.floor(remainingSeconds / 3600);
  const m = Math.floor((remainingSeconds % 3600) / 60);
  const s = remainingSeconds % 60;
  return { remainingSeconds, expired: false, label: h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}` };
}
