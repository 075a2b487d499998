import type { Level } from "@/lib/thresholds";
import { levelIcons, levelPill } from "./level-styles";

/** The queue's overall level as a pill: icon and word, so it reads without its colour. */
export function LevelBadge({ level, testId }: { level: Level; testId?: string }) {
  const Icon = levelIcons[level];
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-xs font-bold uppercase ${levelPill[level]}`}
      data-testid={testId}
      data-level={level}
      // An age can cross a limit between the server render and hydration.
      suppressHydrationWarning
    >
      <Icon aria-hidden className="size-3.5" />
      {level}
    </span>
  );
}
